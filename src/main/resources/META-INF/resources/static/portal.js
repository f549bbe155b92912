// policygate review portal: findings ↔ highlighted citations, status filters, editor line numbers.
(function () {
  'use strict';
  // without JavaScript every finding shows its details; with it, a click opens one
  document.documentElement.classList.add('js');

  function marksFor(pred) {
    return Array.prototype.filter.call(document.querySelectorAll('#policy mark'), function (m) {
      return (m.getAttribute('data-c') || '').split(' ').some(pred);
    });
  }

  function clearActive() {
    document.querySelectorAll('#policy mark.active, .finding.active, .cite.active').forEach(function (e) {
      e.classList.remove('active');
    });
    document.querySelectorAll('.finding-btn[aria-expanded="true"]').forEach(function (b) {
      b.setAttribute('aria-expanded', 'false');
    });
  }

  function reveal(marks) {
    marks.forEach(function (m) { m.classList.add('active'); });
    if (marks.length) {
      var pane = document.getElementById('policy');
      var first = marks[0];
      pane.scrollTop = first.offsetTop - pane.offsetTop - 40;
      if (window.matchMedia('(max-width: 900px)').matches) {
        first.scrollIntoView({ block: 'center' });
      }
    }
  }

  function initReport() {
    var policy = document.getElementById('policy');
    if (!policy) { return; }
    document.querySelectorAll('.finding-btn').forEach(function (btn) {
      btn.addEventListener('click', function () {
        var f = btn.getAttribute('data-f');
        var li = btn.closest('.finding');
        var wasActive = li.classList.contains('active');
        clearActive();
        if (wasActive) { return; }
        li.classList.add('active');
        btn.setAttribute('aria-expanded', 'true');
        reveal(marksFor(function (t) { return t.split('-')[0] === f; }));
      });
    });
    document.querySelectorAll('.cite').forEach(function (a) {
      a.addEventListener('click', function (ev) {
        ev.preventDefault();
        var token = a.getAttribute('data-token');
        var li = a.closest('.finding');
        clearActive();
        li.classList.add('active');
        a.classList.add('active');
        reveal(marksFor(function (t) { return t === token; }));
      });
    });
    var boxes = document.querySelectorAll('.status-filter');
    function apply() {
      var shown = {};
      boxes.forEach(function (b) { shown[b.value] = b.checked; });
      document.querySelectorAll('.finding').forEach(function (li) {
        li.classList.toggle('hidden', !shown[li.getAttribute('data-status')]);
      });
      document.querySelectorAll('.area').forEach(function (area) {
        area.hidden = area.querySelectorAll('.finding:not(.hidden)').length === 0;
      });
    }
    boxes.forEach(function (b) { b.addEventListener('change', apply); });
    var only = document.getElementById('only-not-met');
    if (only) {
      only.addEventListener('click', function () {
        boxes.forEach(function (b) { b.checked = b.value === only.getAttribute('data-only'); });
        apply();
      });
    }
    var all = document.getElementById('show-all');
    if (all) {
      all.addEventListener('click', function () {
        boxes.forEach(function (b) { b.checked = true; });
        apply();
      });
    }
  }

  function initEditor() {
    document.querySelectorAll('.code').forEach(function (box) {
      var ta = box.querySelector('textarea');
      var gutter = box.querySelector('.gutter');
      if (!ta || !gutter) { return; }
      var errors = (box.getAttribute('data-error-lines') || '').split(' ').filter(Boolean);
      function render() {
        var n = ta.value.split('\n').length;
        var out = [];
        for (var i = 1; i <= n; i++) {
          out.push(errors.indexOf(String(i)) >= 0 ? '<span class="err" data-line="' + i + '">' + i + '</span>' : String(i));
        }
        gutter.innerHTML = out.join('\n');
        gutter.scrollTop = ta.scrollTop;
      }
      ta.addEventListener('input', render);
      ta.addEventListener('scroll', function () { gutter.scrollTop = ta.scrollTop; });
      render();
    });
    document.querySelectorAll('.goto-line').forEach(function (a) {
      a.addEventListener('click', function (ev) {
        ev.preventDefault();
        var ta = document.getElementById('drl');
        var line = parseInt(a.getAttribute('data-line'), 10);
        if (!ta || !line) { return; }
        var lines = ta.value.split('\n');
        var start = 0;
        for (var i = 0; i < line - 1 && i < lines.length; i++) { start += lines[i].length + 1; }
        ta.focus();
        ta.setSelectionRange(start, start + (lines[line - 1] || '').length);
        ta.scrollTop = (line - 3) * parseFloat(getComputedStyle(ta).lineHeight || '19');
      });
    });
  }

  // copy a model clause: the clipboard API where the page is a secure context, else a selection and copy
  function initCopy() {
    document.querySelectorAll('.copy-clause').forEach(function (btn) {
      btn.addEventListener('click', function () {
        var pre = document.getElementById(btn.getAttribute('data-target'));
        if (!pre) { return; }
        var text = pre.textContent;
        function done() {
          btn.classList.add('done');
          btn.textContent = btn.getAttribute('data-copied');
        }
        function fallback() {
          var range = document.createRange();
          range.selectNodeContents(pre);
          var sel = window.getSelection();
          sel.removeAllRanges();
          sel.addRange(range);
          try { document.execCommand('copy'); } catch (e) { /* the text stays selected for Ctrl+C */ }
          done();
        }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, fallback);
        } else {
          fallback();
        }
      });
    });
  }

  // compare page: a cause link marks its sentence on both sides and scrolls each pane to it
  function initCompare() {
    document.querySelectorAll('.cause-link').forEach(function (a) {
      a.addEventListener('click', function (ev) {
        ev.preventDefault();
        var token = a.getAttribute('data-token');
        var both = document.getElementById('side-by-side');
        if (both) { both.scrollIntoView({ block: 'start' }); }
        document.querySelectorAll('mark.chg.active').forEach(function (m) { m.classList.remove('active'); });
        ['a', 'b'].forEach(function (side) {
          var m = document.getElementById(side + '-' + token);
          if (!m) { return; }
          m.classList.add('active');
          var pane = document.getElementById('text-' + side);
          pane.scrollTop = m.offsetTop - pane.offsetTop - 40;
        });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    initReport();
    initEditor();
    initCopy();
    initCompare();
  });
})();
