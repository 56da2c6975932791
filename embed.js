/*! PyPrep embed — turns <div data-pyprep …> (or <script src=".../embed.js" data-pyprep …>) into
 * an iframe of the widget and keeps its height equal to the content. No dependencies.
 * Attributes: data-categories="oop,testing" (or "all"; none: the home screen), data-count="5",
 * data-theme="auto|light|dark", data-accent="#ff8800", data-height="640" (before first resize).
 * Host events (opt-in: just listen) bubble from the container element:
 *   pyprep:quiz-started, pyprep:question-graded, pyprep:quiz-finished  (event.detail)
 */
(function () {
  'use strict';
  var me = document.currentScript;
  var base = new URL('./', me && me.src ? me.src : location.href);
  var widgetOrigin = base.origin;
  var frames = [];
  var EVENTS = { 'quiz-started': 1, 'question-graded': 1, 'quiz-finished': 1 };

  function clean(value, pattern) {
    return value && pattern.test(value) ? value : '';
  }

  function widgetUrl(el) {
    var cats = clean((el.getAttribute('data-categories') || '').replace(/\s+/g, '').toLowerCase(), /^[a-z0-9,-]+$/);
    var count = clean((el.getAttribute('data-count') || '').toLowerCase(), /^([0-9]{1,3}|all)$/);
    var theme = clean(el.getAttribute('data-theme') || '', /^(auto|light|dark)$/);
    var accent = clean((el.getAttribute('data-accent') || '').replace(/^#/, ''), /^([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/);
    var params = ['embed=1'];
    if (count) params.unshift('n=' + count);
    if (theme && theme !== 'auto') params.push('theme=' + theme);
    if (accent) params.push('accent=' + accent.toLowerCase());
    return base.href + '#' + (cats ? '/quiz/' + cats : '/') + '?' + params.join('&');
  }

  function mount(container, options) {
    if (container.getAttribute('data-pyprep-ready')) return;
    container.setAttribute('data-pyprep-ready', '1');
    var iframe = document.createElement('iframe');
    iframe.src = widgetUrl(options);
    iframe.title = 'PyPrep: Python interview practice';
    iframe.setAttribute('allow', 'clipboard-write; microphone');
    iframe.setAttribute('loading', 'lazy');
    var height = clean(options.getAttribute('data-height') || '', /^[0-9]{2,4}$/) || '640';
    iframe.style.cssText = 'display:block;width:100%;border:0;height:' + height + 'px;';
    container.appendChild(iframe);
    frames.push({ iframe: iframe, container: container });
  }

  function scan() {
    var nodes = document.querySelectorAll('div[data-pyprep], section[data-pyprep], script[data-pyprep]');
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      if (el.tagName === 'SCRIPT') {
        // Only the <script> form that loaded this very file is ours to expand here.
        if (el !== me || el.getAttribute('data-pyprep-ready')) continue;
        var box = document.createElement('div');
        box.className = 'pyprep-embed';
        el.parentNode.insertBefore(box, el.nextSibling);
        el.setAttribute('data-pyprep-ready', '1');
        mount(box, el);
      } else {
        mount(el, el);
      }
    }
  }

  function num(x) {
    return typeof x === 'number' && isFinite(x) ? x : undefined;
  }

  // Accept only messages from our own iframes' windows, from the widget's origin, with the
  // expected shape; re-dispatch events with only the documented fields.
  window.addEventListener('message', function (e) {
    var frame = null;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].iframe.contentWindow === e.source) frame = frames[i];
    }
    if (!frame || e.origin !== widgetOrigin) return;
    var d = e.data;
    if (!d || typeof d !== 'object') return;
    if (d.type === 'pyprep:resize') {
      var h = num(d.height);
      if (h !== undefined && h > 0 && h < 100000) frame.iframe.style.height = Math.ceil(h) + 'px';
    } else if (d.type === 'pyprep:event' && EVENTS[d.event] === 1) {
      var cats = Array.isArray(d.categories)
        ? d.categories.filter(function (c) { return typeof c === 'string'; }) : [];
      var detail = { categories: cats, questions: num(d.questions) };
      if (d.event === 'question-graded') { detail.question = num(d.question); detail.grade = num(d.grade); }
      if (d.event === 'quiz-finished') {
        detail.points = num(d.points); detail.max_points = num(d.max_points); detail.score = num(d.score);
      }
      frame.container.dispatchEvent(new CustomEvent('pyprep:' + d.event, { bubbles: true, detail: detail }));
    }
  });

  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
})();
