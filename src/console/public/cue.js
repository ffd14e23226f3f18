// Tells staff that a new case came onto the desk: a count in the tab title and a short beep.
// Browsers only let a page play sound after a user gesture, so the AudioContext is made on one.
/* global document, localStorage, window */

const storageKey = 'tripcare.console.muted';
let audio = null;
let unseen = 0;
const baseTitle = () => document.title.replace(/^\(\d+\) /, '');

export const isMuted = () => localStorage.getItem(storageKey) === '1';

export function setMuted(muted) {
  localStorage.setItem(storageKey, muted ? '1' : '0');
}

/** Call from a click or key handler: makes (or wakes) the audio context there. */
export function unlockAudio() {
  audio ??= new window.AudioContext();
  if (audio.state === 'suspended') void audio.resume();
}

export function beep() {
  if (isMuted() || audio === null) return;
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  const now = audio.currentTime;
  oscillator.frequency.value = 880;
  // A quick fade in and out: a hard start or stop of the wave clicks.
  gain.gain.setValueAtTime(0, now);
  gain.gain.linearRampToValueAtTime(0.2, now + 0.02);
  gain.gain.linearRampToValueAtTime(0, now + 0.2);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(now);
  oscillator.stop(now + 0.22);
}

/** Shows how many new cases are still unseen, as "(2) " before the page title. */
export function showUnseen(count) {
  unseen = count;
  document.title = unseen > 0 ? `(${unseen}) ${baseTitle()}` : baseTitle();
}

/** Sets the page title, keeping the unseen count in front of it. */
export function setTitle(title) {
  document.title = title;
  showUnseen(unseen);
}
