// Dates, numbers and money through Intl, in the widget's language. ISO dates are calendar days
// with no time zone, so they are formatted as UTC midnight to keep the day from shifting.

export function localToday(now = new Date()) {
    const pad = (n) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A real calendar day written YYYY-MM-DD ("2026-02-30" is not one).
export function isIsoDate(text) {
    if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    const day = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

// The engine writes English dates day first, "23 November 2026" (core/base/date.cpp), in the
// texts it words; the widget's own dates must read the same (rules/DOMAIN.md: the same in the
// CLI and the widget), not "November 23, 2026" beside them.
const dateLocale = (lang) => (lang === 'en' ? 'en-GB' : lang);

// Making an Intl formatter costs far more than using one, and a render formats the same few
// again and again: one of each kind is kept per language and options.
const formatters = new Map();
function formatter(Kind, lang, options) {
    const key = `${Kind.name} ${lang} ${JSON.stringify(options)}`;
    if (!formatters.has(key)) formatters.set(key, new Kind(lang, options));
    return formatters.get(key);
}

export function formatDate(lang, iso, long = false) {
    if (!isIsoDate(iso)) return String(iso ?? '');
    const options = long
        ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
        : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
    return formatter(Intl.DateTimeFormat, dateLocale(lang), options).format(new Date(`${iso}T00:00:00Z`));
}

function rangeWith(format, min, max) {
    return min === max || max === undefined ? format.format(min) : format.formatRange(min, max);
}

export function formatNumberRange(lang, min, max) {
    return rangeWith(formatter(Intl.NumberFormat, lang, {}), min, max);
}

// unit: "day", "month", "minute" -> "7–10 days", "3–18 miesięcy"
export function formatUnitRange(lang, unit, min, max) {
    return rangeWith(formatter(Intl.NumberFormat, lang, { style: 'unit', unit, unitDisplay: 'long' }), min, max);
}

export function formatMoney(lang, currency, min, max = min) {
    try {
        const whole = Number.isInteger(min) && Number.isInteger(max);
        const format = formatter(Intl.NumberFormat, lang, {
            style: 'currency', currency, maximumFractionDigits: whole ? 0 : 2,
        });
        return rangeWith(format, min, max);
    } catch {
        return `${formatNumberRange(lang, min, max)} ${currency}`;
    }
}
