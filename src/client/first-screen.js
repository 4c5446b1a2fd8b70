// The 待办 as this phone last drew it, put back while the page is still being parsed, and then
// the app started. On a slow phone the app's modules take most of a second to run, and the list
// is what the user came for. Written by src/client/features/todo/firstPaint.ts (read its notes);
// this file only reads it. A classic script, plain ES2019 with no imports, so it runs first.
// Painted only at "/", on the same Shanghai day (every "逾期 N 天" still true), by the same build
// and in the same language; Vue's mount then replaces it. A tap on a row before then is kept and
// followed once the app runs (src/client/ui/earlyTap.ts), so no tap is lost.
// The built index.html leaves its entry module and its preloads to this script
// (scripts/firstScreenScript.ts): turned live a frame after an early paint, so the paint is on the
// screen before the modules are compiled and run on the main thread.
;(function () {
  var state = { painted: false, tap: null, live: false }
  window.__firstScreen = state
  var entry = document.querySelector('script[data-app-entry]')
  var build = entry ? entry.getAttribute('src') : null

  function paintEarly() {
    if (location.pathname !== '/') return
    var saved = JSON.parse(localStorage.getItem('school-report.first-paint') || 'null')
    var screen = saved && saved.screen
    if (!screen || typeof screen.html !== 'string') return
    var today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
    var locale = localStorage.getItem('school-report.locale') || 'zh-CN'
    if (screen.day !== today || screen.build !== build || screen.locale !== locale) return
    var app = document.getElementById('app')
    if (!app) return
    app.innerHTML = screen.html
    state.painted = true
    document.addEventListener(
      'click',
      function (event) {
        var row = !state.live && event.target && event.target.closest ? event.target.closest('[data-link]') : null
        if (row) state.tap = row.getAttribute('data-link')
      },
      true,
    )
  }

  var started = false
  function startApp() {
    if (started || !build) return
    started = true
    var preloads = document.querySelectorAll('link[rel="app-modulepreload"]')
    for (var i = 0; i < preloads.length; i++) preloads[i].rel = 'modulepreload'
    var script = document.createElement('script')
    script.type = 'module'
    script.crossOrigin = 'anonymous'
    script.src = build
    document.head.appendChild(script)
  }

  try {
    paintEarly()
  } catch {
    // Nothing is painted early; the app paints as it always did.
  }
  if (!state.painted || document.hidden) return startApp()
  // The app starts with the frame that shows the early paint: its files load while that frame is
  // drawn and run after it. rAF stops in a page hidden meanwhile: a timer starts the app then.
  requestAnimationFrame(startApp)
  setTimeout(startApp, 1000)
})()
