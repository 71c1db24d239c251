// What the result offers: the booking link, the calendar file, printing.

// The clinic's booking page with the language only: the status, the concerns and the areas are
// health data in the clinic's server logs and analytics, added only with `withDetails`
// (booking-details). Never an answer about health, age or dates.
export function bookingHref(base, result, lang, withDetails = false) {
    if (!base) return null;
    let url;
    try {
        url = new URL(base, document.baseURI);
    } catch {
        return null;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (withDetails) url.searchParams.set('status', result.status);
    if (withDetails && result.plan) {
        if (result.plan.concerns.length) url.searchParams.set('concerns', result.plan.concerns.join(','));
        if (result.plan.areas.length) url.searchParams.set('areas', result.plan.areas.join(','));
    }
    url.searchParams.set('lang', lang);
    return url.href;
}

// The file is made in the page and handed to the browser: no request leaves the device.
export function downloadCalendar(root, icsText) {
    const url = URL.createObjectURL(new Blob([icsText], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'meso-plan.ics';
    link.hidden = true;
    root.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// Printing from a host page prints the host page. While the patient prints from the widget, a
// document-level sheet (constructable, so a strict CSP allows it) hides everything but this
// element; it is removed after printing. What is not this element nor holds it takes no room
// either: hidden host content would still make a one-page result print on two.
const PRINT_ONLY_WIDGET = `@media print {
  body:has([data-meso-printing]) :not(:has([data-meso-printing]), [data-meso-printing]) { display: none !important; }
  body:has([data-meso-printing]) * { visibility: hidden !important; }
  body:has([data-meso-printing]) [data-meso-printing] {
    visibility: visible !important;
    position: absolute !important; inset: 0 auto auto 0 !important; width: 100% !important; margin: 0 !important;
  }
}`;

export function printWidget(element) {
    let sheet = null;
    try {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(PRINT_ONLY_WIDGET);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    } catch {
        sheet = null;  // older browsers print the whole page, which still holds the result
    }
    element.setAttribute('data-meso-printing', '');
    const done = () => {
        window.removeEventListener('afterprint', done);
        element.removeAttribute('data-meso-printing');
        if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
    window.addEventListener('afterprint', done);
    window.print();
    return done;
}
