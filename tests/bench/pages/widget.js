// Runs right after the element is parsed and before the widget's deferred script: the element
// has its language and day before it starts.
const params = new URLSearchParams(location.search);
const widget = document.querySelector('meso-screener');
for (const name of ['lang', 'today']) if (params.has(name)) widget.setAttribute(name, params.get(name));
