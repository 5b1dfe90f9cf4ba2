/* global sessionStorage, window, fetch, location, document */
// Runs before the application's code has downloaded and compiled (a classic script in <head>):
// starts the first page's API reads so they overlap that work instead of following it. The
// application takes each response once (console/src/api/early.ts); nothing here renders.
// Opening the list, it also fetches the list page's code (the files the build listed in
// data-list-chunks), which the application would otherwise ask for only once it has run.
(function () {
  var chunks = (document.currentScript && document.currentScript.getAttribute('data-list-chunks')) || '';
  var token = sessionStorage.getItem('linkage.token');
  if (!token || !window.fetch) return;
  var headers = { Authorization: 'Bearer ' + token };
  var early = { '/api/me': fetch('/api/me', { headers: headers }) };
  var path = location.pathname;
  if (path === '/' || path === '/cases') {
    early['/api/cases?limit=20'] = fetch('/api/cases?limit=20', { headers: headers });
    chunks.split(' ').forEach(function (href) {
      if (!href) return;
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      link.crossOrigin = '';
      document.head.appendChild(link);
    });
  }
  window.__linkageEarly = early;
})();
