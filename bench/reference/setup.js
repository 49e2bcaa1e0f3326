// Runs before reference.js (which is async): the hooks bench/page_probe.js watches, and the canvas.
window.debrief = { frames: 0, state: 'loading' };
var Module = { canvas: document.getElementById('canvas') };
