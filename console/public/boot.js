/* global sessionStorage, window, fetch, location */
// Runs before the application's code has downloaded and compiled (a classic script in <head>):
// starts the first page's API reads so they overlap that work instead of following it. The
// application takes each response once (console/src/api/early.ts); nothing here renders.
(function () {
  var token = sessionStorage.getItem('linkage.token');
  if (!token || !window.fetch) return;
  var headers = { Authorization: 'Bearer ' + token };
  var early = { '/api/me': fetch('/api/me', { headers: headers }) };
  var path = location.pathname;
  if (path === '/' || path === '/cases')
    early['/api/cases?limit=20'] = fetch('/api/cases?limit=20', { headers: headers });
  window.__linkageEarly = early;
})();
