// Demo page glue (not part of the widget). Loaded before meso-screener.js, so the URL's options
// are on the elements before they start: ?lang=pl&today=2026-11-20&rules=…&settings=…&theme=dark
// (today is for tests and demos; a real page leaves it out and the widget uses the local date).
const params = new URLSearchParams(location.search);
const widgets = document.querySelectorAll('meso-screener');
// rules= and settings= only from this page's own origin: a link to the clinic's page must not put
// anyone's rule set or settings (and so anyone's verdicts) into it.
const ownOrigin = (url) => {
    try {
        return new URL(url, location.href).origin === location.origin;
    } catch {
        return false;
    }
};
for (const name of ['lang', 'today', 'rules', 'settings', 'theme']) {
    if (!params.has(name) || (['rules', 'settings'].includes(name) && !ownOrigin(params.get(name)))) continue;
    widgets.forEach((w) => w.setAttribute(name, params.get(name)));
}

function press(group, value) {
    for (const button of document.querySelectorAll(`[data-demo-${group}]`)) {
        button.setAttribute('aria-pressed', String(button.getAttribute(`data-demo-${group}`) === value));
    }
}

document.addEventListener('click', (event) => {
    const lang = event.target.closest('[data-demo-lang]');
    const theme = event.target.closest('[data-demo-theme]');
    if (lang) widgets.forEach((w) => w.setAttribute('lang', lang.dataset.demoLang));
    if (theme) widgets.forEach((w) => w.setAttribute('theme', theme.dataset.demoTheme));
});

const log = document.getElementById('event-log');
for (const type of ['meso-ready', 'meso-step', 'meso-outcome', 'meso-error']) {
    document.addEventListener(type, (event) => {
        if (type === 'meso-ready' || type === 'meso-step') press('lang', event.target.getAttribute('lang') || event.detail.lang);
        if (log) log.textContent = `${type} ${JSON.stringify(event.detail)}\n${log.textContent}`.slice(0, 8000);
    });
}
if (widgets[0]) press('lang', widgets[0].getAttribute('lang') || 'en');
if (widgets[0]) press('theme', widgets[0].getAttribute('theme') || 'light');

// booking.html shows what the widget passed along: only non-identifying parameters.
const list = document.getElementById('booking-params');
if (list) {
    for (const [key, value] of params) {
        const row = document.createElement('li');
        row.textContent = `${key} = ${value}`;
        list.append(row);
    }
    if (!list.children.length) list.textContent = '(none)';
}
