// A small Markdown renderer for the decision table that the tools write: headings, paragraphs,
// pipe tables, ordered and unordered lists, and inline **bold**, `code` and <br>. Every piece of
// text goes in through textContent (createTextNode), so nothing in the rule set can become HTML.

const INLINE = /(\*\*[^*]+\*\*|`[^`]+`|<br\s*\/?>)/;

function appendInline(parent, text) {
    for (const part of text.split(INLINE)) {
        if (!part) continue;
        if (/^<br\s*\/?>$/.test(part)) {
            parent.append(document.createElement('br'));
        } else if (part.startsWith('**') && part.endsWith('**') && part.length > 4) {
            const strong = document.createElement('strong');
            strong.textContent = part.slice(2, -2);
            parent.append(strong);
        } else if (part.startsWith('`') && part.endsWith('`') && part.length > 2) {
            const code = document.createElement('code');
            code.textContent = part.slice(1, -1);
            parent.append(code);
        } else {
            parent.append(document.createTextNode(part.replace(/\\([|*`\\])/g, '$1')));
        }
    }
}

// A row's cells, split on the pipes that are not escaped (\|).
export function tableCells(line) {
    const cells = [];
    let cell = '';
    const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
    for (let i = 0; i < inner.length; i++) {
        if (inner[i] === '\\' && inner[i + 1] === '|') {
            cell += '\\|';
            i++;
        } else if (inner[i] === '|') {
            cells.push(cell.trim());
            cell = '';
        } else {
            cell += inner[i];
        }
    }
    cells.push(cell.trim());
    return cells;
}

const isSeparator = (line) => /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line);

function renderTable(lines) {
    const table = document.createElement('table');
    const [head, , ...body] = lines;
    const thead = table.createTHead().insertRow();
    for (const text of tableCells(head)) {
        const th = document.createElement('th');
        th.scope = 'col';
        appendInline(th, text);
        thead.append(th);
    }
    const tbody = table.createTBody();
    for (const line of body) {
        const row = tbody.insertRow();
        for (const text of tableCells(line)) appendInline(row.insertCell(), text);
    }
    // A wide table scrolls inside its own box on a phone instead of widening the page.
    const box = document.createElement('div');
    box.className = 'table-scroll';
    box.tabIndex = 0;
    box.append(table);
    return box;
}

// headingOffset: the page has its own h1 and h2, so a Markdown "#" becomes an h3 by default.
export function renderMarkdown(markdown, { headingOffset = 2 } = {}) {
    const fragment = document.createDocumentFragment();
    const lines = markdown.split(/\r?\n/);
    let i = 0;
    while (i < lines.length) {
        const line = lines[i];
        const heading = line.match(/^(#{1,6})\s+(.*)$/);
        if (!line.trim()) {
            i++;
        } else if (heading) {
            const h = document.createElement(`h${Math.min(6, heading[1].length + headingOffset)}`);
            appendInline(h, heading[2]);
            fragment.append(h);
            i++;
        } else if (line.trimStart().startsWith('|') && isSeparator(lines[i + 1] || '')) {
            const rows = [];
            while (i < lines.length && lines[i].trimStart().startsWith('|')) rows.push(lines[i++]);
            fragment.append(renderTable(rows));
        } else if (/^\s*(\d+\.|[-*])\s+/.test(line)) {
            const ordered = /^\s*\d+\./.test(line);
            const list = document.createElement(ordered ? 'ol' : 'ul');
            while (i < lines.length && (ordered ? /^\s*\d+\.\s+/ : /^\s*[-*]\s+/).test(lines[i])) {
                const li = document.createElement('li');
                appendInline(li, lines[i].replace(/^\s*(\d+\.|[-*])\s+/, ''));
                list.append(li);
                i++;
            }
            fragment.append(list);
        } else {
            const paragraph = [];
            while (i < lines.length && lines[i].trim() && !/^(#{1,6}\s|\s*\||\s*(\d+\.|[-*])\s)/.test(lines[i])) paragraph.push(lines[i++]);
            if (!paragraph.length) paragraph.push(lines[i++]);
            const p = document.createElement('p');
            appendInline(p, paragraph.join(' '));
            fragment.append(p);
        }
    }
    return fragment;
}
