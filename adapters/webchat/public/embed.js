// Embeds the agency's web chat on any page with one tag:
//   <script src="https://care.example.com/chat/embed.js" data-lang="zh-CN"></script>
// A launcher button opens /chat in a frame. Runs in the browser; no build step.
/* global document, navigator, URL */
'use strict';

(function () {
  var script = document.currentScript;
  if (!script) return;
  var labels = /*LABELS*/ {};
  var origin = new URL(script.src).origin;

  function pick(tag) {
    var lower = String(tag || '').toLowerCase();
    if (lower === 'zh' || lower.indexOf('zh-') === 0) return /^zh-(tw|hk|mo|hant)/.test(lower) ? 'zh-TW' : 'zh-CN';
    if (lower === 'en' || lower.indexOf('en-') === 0) return 'en';
    return null;
  }
  var locale = pick(script.getAttribute('data-lang')) || pick(navigator.language) || 'en';
  var words = labels[locale];

  function mount() {
    var frame = null;
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = words.open;
    button.setAttribute('aria-expanded', 'false');
    Object.assign(button.style, {
      position: 'fixed', right: '20px', bottom: '20px', zIndex: '2147483000', padding: '12px 18px',
      border: '0', borderRadius: '24px', background: '#0063b1', color: '#fff', font: '15px system-ui, sans-serif',
      cursor: 'pointer', boxShadow: '0 2px 8px rgba(0,0,0,.3)',
    });
    button.addEventListener('click', function () {
      if (!frame) {
        frame = document.createElement('iframe');
        frame.src = origin + '/chat?lang=' + encodeURIComponent(locale);
        frame.title = words.title;
        Object.assign(frame.style, {
          position: 'fixed', right: '20px', bottom: '76px', zIndex: '2147483000', width: 'min(400px, calc(100vw - 40px))',
          height: 'min(600px, calc(100vh - 96px))', border: '1px solid #ccc', borderRadius: '8px', background: '#fff',
          boxShadow: '0 4px 16px rgba(0,0,0,.25)',
        });
        document.body.appendChild(frame);
      } else {
        frame.hidden = !frame.hidden;
      }
      var open = !frame.hidden;
      button.textContent = open ? words.close : words.open;
      button.setAttribute('aria-expanded', String(open));
    });
    document.body.appendChild(button);
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
