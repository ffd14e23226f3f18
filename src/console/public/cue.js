// Tells staff that a new case came onto the desk: a count in the tab title and a short beep;
// and that they are paged about an incident: a mark before the title and a two-tone alarm.
// Browsers only let a page play sound after a user gesture, so the AudioContext is made on one.
/* global document, localStorage, window */

const storageKey = 'tripcare.console.muted';
let audio = null;
let unseen = 0;
/** The page's own title, and the incident being paged about ('' for none). */
let base = document.title;
let alertText = '';

export const isMuted = () => localStorage.getItem(storageKey) === '1';

export function setMuted(muted) {
  localStorage.setItem(storageKey, muted ? '1' : '0');
}

/** Call from a click or key handler: makes (or wakes) the audio context there. */
export function unlockAudio() {
  audio ??= new window.AudioContext();
  if (audio.state === 'suspended') void audio.resume();
}

export function beep(frequency = 880, delay = 0) {
  if (isMuted() || audio === null) return;
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  const now = audio.currentTime + delay;
  oscillator.frequency.value = frequency;
  // A quick fade in and out: a hard start or stop of the wave clicks.
  gain.gain.setValueAtTime(0, now);
  gain.gain.linearRampToValueAtTime(0.2, now + 0.02);
  gain.gain.linearRampToValueAtTime(0, now + 0.2);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(now);
  oscillator.stop(now + 0.22);
}

/** A page about an incident: three rising tones, harder to miss than a new case's beep. */
export function alarm() {
  beep(660);
  beep(880, 0.25);
  beep(1100, 0.5);
}

function drawTitle() {
  const count = unseen > 0 ? `(${unseen}) ` : '';
  document.title = alertText ? `${alertText} · ${count}${base}` : `${count}${base}`;
}

/** Shows how many new cases are still unseen, as "(2) " before the page title. */
export function showUnseen(count) {
  unseen = count;
  drawTitle();
}

/** Puts a page's text ('' for none) in front of the title, before the unseen count. */
export function showAlert(text) {
  alertText = text;
  drawTitle();
}

/** Sets the page title, keeping the alert and the unseen count in front of it. */
export function setTitle(title) {
  base = title;
  drawTitle();
}
