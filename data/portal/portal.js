// Vigil portal: optional enhancement of "Leave this site". Without JavaScript it is a plain link.
// With it, the page is hidden at once and replaced (Back does not return here); pressing Esc
// three times within three seconds does the same.
(function () {
  'use strict';
  var link = document.getElementById('leave');
  if (!link) return;
  var target = link.getAttribute('href');
  function leave() {
    document.documentElement.className += ' leaving';
    document.body.className += ' leaving';
    window.location.replace(target);
  }
  link.addEventListener('click', function (event) {
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    leave();
  });
  var presses = [];
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' && event.key !== 'Esc') return;
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < 3000; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
