// The web chat page: a Direct Line token from /api/webchat/token, then Microsoft's Web Chat
// in the traveller's language (?lang=, else the browser's). Runs in the browser; no build step.
/* global window, document, location, navigator, URLSearchParams, fetch */
'use strict';

(function () {
  var nonce = document.currentScript ? document.currentScript.nonce : undefined;
  var root = document.getElementById('webchat');
  var labels = JSON.parse(document.getElementById('webchat-labels').textContent);
  var webChatLocales = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', en: 'en-US' };

  function pick(tag) {
    var lower = String(tag || '').toLowerCase();
    if (lower === 'zh' || lower.indexOf('zh-') === 0) return /^zh-(tw|hk|mo|hant)/.test(lower) ? 'zh-TW' : 'zh-CN';
    if (lower === 'en' || lower.indexOf('en-') === 0) return 'en';
    return null;
  }

  var locale = pick(new URLSearchParams(location.search).get('lang')) || pick(navigator.language) || document.documentElement.getAttribute('data-default-locale');
  document.documentElement.lang = locale;
  document.title = labels[locale].title;

  function unavailable() {
    root.textContent = labels[locale].unavailable;
    root.className = 'unavailable';
  }

  fetch('/api/webchat/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: locale }) })
    .then(function (res) {
      if (!res.ok) throw new Error('token ' + res.status);
      return res.json();
    })
    .then(function (issued) {
      var directLine = window.WebChat.createDirectLine({ token: issued.token, domain: location.origin + '/v3/directline', webSocket: true });
      window.WebChat.renderWebChat({
        directLine: directLine,
        locale: webChatLocales[locale],
        nonce: nonce,
        // A chosen photo goes at once: on a phone, one tap fewer.
        styleOptions: { uploadAccept: root.getAttribute('data-upload-accept'), uploadMultiple: true, sendAttachmentOn: 'attach', suggestedActionLayout: 'flow', bubbleMaxWidth: 560 },
      }, root);
    })
    .catch(unavailable);
})();
