/*! PyPrep embed: turns <div data-pyprep …> (or <script src=".../embed.js" data-pyprep …>) into an
 * iframe of the widget sized to its content, and re-dispatches its events (pyprep:quiz-started,
 * pyprep:question-graded, pyprep:quiz-finished) on the container. Attributes: see embed.html.
 */
(function () {
  'use strict';
  var me = document.currentScript;
  var base = new URL('./', me && me.src ? me.src : location.href);
  var frames = [];
  var LIST = /^[a-z0-9,-]+$/i;

  function attr(el, name, pattern) {
    var v = (el.getAttribute('data-' + name) || '').replace(/\s+/g, '');
    return pattern.test(v) ? v : '';
  }

  // What decides the questions: a value that doesn't fit is passed on as written (encoded), so
  // the widget says what is wrong with it, instead of quietly drawing other questions.
  function choice(el, name, pattern, keepCase) {
    var raw = el.getAttribute('data-' + name);
    if (raw === null) return '';
    var v = raw.replace(/\s+/g, '');
    if (pattern.test(v)) return keepCase ? v : v.toLowerCase();
    return encodeURIComponent(raw.trim().slice(0, 100));
  }

  function flag(el, name) {
    var v = el.getAttribute('data-' + name);
    return v !== null && !/^(0|false|no)$/i.test(v);
  }

  function mount(container, el) {
    if (container.getAttribute('data-pyprep-ready')) return;
    container.setAttribute('data-pyprep-ready', '1');
    var theme = attr(el, 'theme', /^(light|dark)$/);
    var clear = flag(el, 'transparent');
    var p = {
      n: choice(el, 'count', /^([1-9][0-9]{0,2}|all)$/i), level: choice(el, 'level', /^(junior|mid|senior)(,(junior|mid|senior))*$/i),
      seed: choice(el, 'seed', /^[\w-]{0,64}$/, true), ids: choice(el, 'ids', LIST), embed: 1, theme: theme,
      accent: attr(el, 'accent', /^#?([0-9a-f]{3}){1,2}$/i).replace('#', '').toLowerCase(),
      bg: clear && 'transparent', lock: flag(el, 'lock') && 1
    };
    var params = [];
    for (var k in p) if (p[k]) params.push(k + '=' + p[k]);
    ['title', 'intro'].forEach(function (k) {
      var v = (el.getAttribute('data-' + k) || '').trim().slice(0, 240);
      if (v) params.push(k + '=' + encodeURIComponent(v));
    });
    // Listed questions need no categories: they are a quiz of their own.
    var cats = choice(el, 'categories', LIST) || (p.ids ? 'all' : '');
    var iframe = document.createElement('iframe');
    iframe.src = base.href + '#' + (cats ? '/quiz/' + cats : '/') + '?' + params.join('&');
    iframe.title = 'PyPrep: Python interview practice';
    iframe.setAttribute('allow', 'clipboard-write; microphone');
    iframe.setAttribute('loading', 'lazy');
    // A frame whose colour scheme differs from its element's gets an opaque backdrop.
    iframe.style.cssText = 'display:block;width:100%;border:0;height:' + (attr(el, 'height', /^[0-9]{2,4}$/) || 640) + 'px;'
      + (clear ? 'color-scheme:' + (theme || 'light dark') : '');
    container.appendChild(iframe);
    frames.push({ iframe: iframe, container: container });
  }

  function scan() {
    var nodes = document.querySelectorAll('div[data-pyprep], section[data-pyprep], script[data-pyprep]');
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      if (el.tagName !== 'SCRIPT') mount(el, el);
      // Only the <script> form that loaded this very file is ours to expand here.
      else if (el === me && !el.getAttribute('data-pyprep-ready')) {
        var box = document.createElement('div');
        box.className = 'pyprep-embed';
        el.parentNode.insertBefore(box, el.nextSibling);
        el.setAttribute('data-pyprep-ready', '1');
        mount(box, el);
      }
    }
  }

  function num(x) {
    return typeof x === 'number' && isFinite(x) ? x : undefined;
  }
  function str(x) {
    return typeof x === 'string' && x.length <= 64 ? x : undefined;
  }
  function secs(x) { // null when unknown
    return x === null ? x : num(x);
  }
  // The documented fields of `from`, each passed through its checker; nothing else.
  function pick(from, fields) {
    var out = {};
    for (var k in fields) if (fields[k](from[k]) !== undefined) out[k] = fields[k](from[k]);
    return out;
  }
  function results(x) {
    return Array.isArray(x) && x.length <= 999 ? x.filter(function (r) { return r && typeof r === 'object'; })
      .map(function (r) { return pick(r, { id: str, category: str, grade: num, seconds: secs }); }) : undefined;
  }
  var DETAIL = {
    'quiz-started': {},
    'question-graded': { question: num, grade: num, id: str, category: str, seconds: secs },
    'quiz-finished': { points: num, max_points: num, score: num, results: results }
  };

  // Accept only messages from our own iframes' windows, from the widget's origin, with the
  // expected shape; re-dispatch events with only the documented fields.
  window.addEventListener('message', function (e) {
    var frame, d = e.data, i;
    for (i = 0; i < frames.length; i++) if (frames[i].iframe.contentWindow === e.source) frame = frames[i];
    if (!frame || e.origin !== base.origin || !d || typeof d !== 'object') return;
    if (d.type === 'pyprep:resize') {
      var h = num(d.height);
      if (h > 0 && h < 100000) frame.iframe.style.height = Math.ceil(h) + 'px';
    } else if (d.type === 'pyprep:event' && DETAIL.hasOwnProperty(d.event)) {
      if (d.event === 'quiz-finished' && !results(d.results)) return;
      var detail = pick(d, DETAIL[d.event]);
      detail.categories = Array.isArray(d.categories) ? d.categories.filter(str) : [];
      detail.questions = num(d.questions);
      frame.container.dispatchEvent(new CustomEvent('pyprep:' + d.event, { bubbles: true, detail: detail }));
    }
  });

  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
})();
