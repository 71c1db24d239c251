// A tiny DOM builder. Text always goes in through text nodes, never through HTML parsing, so a
// rule text such as "<img onerror=…>" shows as text and runs nothing.

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'hidden', 'tabIndex']);

export function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
        if (value === null || value === undefined || value === false) continue;
        if (key === 'text') el.textContent = value;
        else if (PROPERTIES.has(key)) el[key] = value;
        else el.setAttribute(key, value === true ? '' : String(value));
    }
    append(el, children);
    return el;
}

// A render writes the whole frame after every answer; writing only what differs keeps the DOM,
// and the work of the page after it, to what the answer changed.
export function setText(el, text) {
    if (el.textContent !== text) el.textContent = text;
}

export function setAttr(el, name, value) {
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

export function append(el, children) {
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) continue;
        el.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return el;
}

// Icons are drawn with DOM calls (no markup strings) and hidden from assistive technology: the
// words next to them carry the meaning.
const ICON_PATHS = {
    eligible: ['M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z', 'M7.5 12.5l3 3 6-6.5'],
    consult: ['M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z', 'M12 7v6', 'M12 16.5v.5'],
    postpone: ['M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z', 'M12 6.5V12l3.5 2.5'],
    ineligible: ['M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z', 'M5 5l14 14'],
    error: ['M12 3L2 20h20z', 'M12 10v4.5', 'M12 17v.5'],
    calendar: ['M4 6h16v14H4z', 'M4 10h16', 'M8 3v5', 'M16 3v5'],
    print: ['M7 9V3h10v6', 'M5 9h14a2 2 0 0 1 2 2v6h-4', 'M7 17H3v-6a2 2 0 0 1 2-2', 'M7 14h10v7H7z'],
    book: ['M5 12h13', 'M13 6l6 6-6 6'],
    restart: ['M4 12a8 8 0 1 0 2.5-5.8', 'M4 4v5h5'],
};

export function icon(name, className = 'icon') {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', className);
    for (const d of ICON_PATHS[name] || []) {
        const path = document.createElementNS(ns, 'path');
        path.setAttribute('d', d);
        svg.append(path);
    }
    return svg;
}

// Resolves once the next frame is painted, or a moment later in a tab that paints none (hidden):
// for work that the screen in front of the patient does not wait for.
export function afterPaint() {
    return new Promise((resolve) => {
        requestAnimationFrame(() => setTimeout(resolve, 0));
        setTimeout(resolve, 100);
    });
}
