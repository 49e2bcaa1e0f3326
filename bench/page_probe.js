// Benchmark probe, injected by bench/run.mjs before any page script: times the first frame, readiness, save states, each animation-frame callback, input events and downloads into window.__bench.
(() => {
  const probe = {
    firstFrameAt: null,   // performance.now() when window.debrief.frames first became >= 1
    readyAt: null,        // ... when window.debrief.state first became 'ready'
    journalAt: null,      // ... when window.debrief.counts was first published (the whole journal is loaded)
    frames: [],           // [start, end, frames drawn, vertex bytes uploaded] of every requestAnimationFrame callback
    vertexBytes: 0,       // ARRAY_BUFFER bytes uploaded through WebGL so far (ImGui: 20 bytes per vertex)
    events: [],           // [type, event.timeStamp, performance.now(), aria-label or '']
    downloads: [],        // [performance.now(), bytes] of every Blob turned into a download URL
    saves: [],            // [performance.now(), state] each time C++ publishes the save indicator (window.debrief.save)
  };
  Object.defineProperty(window, '__bench', { value: probe });
  const LIMIT = 200000;

  // The pages assign `window.debrief = {frames, state, ...}` and then update its fields (C++ through
  // EM_ASM): accessors record the first moment each milestone is reached, with no polling delay.
  let app;
  // A field of `target` that runs `seen(value)` on every assignment.
  const track = (target, name, seen) => {
    let value = target[name];
    Object.defineProperty(target, name, {
      enumerable: true,
      configurable: true,
      get: () => value,
      set: (next) => {
        value = next;
        seen(next);
      },
    });
  };
  const watch = (target) => {
    if (!target || typeof target !== 'object') return target;
    track(target, 'frames', (frames) => {
      if (frames >= 1 && probe.firstFrameAt === null) probe.firstFrameAt = performance.now();
    });
    track(target, 'state', (state) => {
      if (state === 'ready' && probe.readyAt === null) probe.readyAt = performance.now();
    });
    track(target, 'counts', () => {
      if (probe.journalAt === null) probe.journalAt = performance.now();
    });
    track(target, 'save', (save) => {
      if (probe.saves.length < LIMIT) probe.saves.push([performance.now(), save]);
    });
    return target;
  };
  Object.defineProperty(window, 'debrief', {
    configurable: true,
    enumerable: true,
    get: () => app,
    set: (value) => { app = watch(value); },
  });

  // Emscripten's emscripten_request_animation_frame calls the global requestAnimationFrame: wrap it to
  // time each callback (main-thread work per frame) and whether it drew a frame.
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((time) => {
    const start = performance.now();
    const before = app ? app.frames : 0;
    const bytes = probe.vertexBytes;
    try {
      callback(time);
    } finally {
      if (probe.frames.length < LIMIT) probe.frames.push([start, performance.now(), (app ? app.frames : 0) - before, probe.vertexBytes - bytes]);
    }
  });

  // Geometry per frame: what the GPU process (SwiftShader here) has to transform and clip.
  if (window.WebGL2RenderingContext) {
    const proto = WebGL2RenderingContext.prototype;
    for (const name of ['bufferData', 'bufferSubData']) {
      const original = proto[name];
      proto[name] = function (target, ...rest) {
        if (target === 0x8892 /* ARRAY_BUFFER */) {
          const [a, b, c, d] = rest;
          if (name === 'bufferData') probe.vertexBytes += typeof a === 'number' ? a : (d || (a && a.byteLength) || 0);
          else probe.vertexBytes += d || (b && b.byteLength) || 0;
        }
        return original.call(this, target, ...rest);
      };
    }
  }

  // Capture phase on window: recorded before any page handler runs.
  for (const type of ['keydown', 'input', 'change', 'mousedown', 'mouseup', 'wheel']) {
    window.addEventListener(type, (e) => {
      if (probe.events.length >= LIMIT) return;
      const label = e.target && e.target.getAttribute ? e.target.getAttribute('aria-label') || '' : '';
      probe.events.push([type, e.timeStamp, performance.now(), label]);
    }, { capture: true, passive: true });
  }

  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object) => {
    if (object instanceof Blob) probe.downloads.push([performance.now(), object.size]);
    return createObjectURL(object);
  };
})();
