#!/usr/bin/env node
// Serves dist/ on 127.0.0.1 for the demo and the browser tests, on two ports so that the
// cross-origin demo really is another origin.
//   node web/serve.mjs [--dir dist] [--port 8080] [--port2 8081]   (0 = any free port)
// strict-csp.html is sent with the strict Content-Security-Policy the widget must live under;
// cross-origin.html gets the main origin written into it, so it loads the widget from there.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
    "base-uri 'none'; object-src 'none'; frame-ancestors 'self'";
// The configurator starts Web Workers for the staff tools (and compiles their .wasm itself), and
// its downloads are blob: URLs, which are navigations and need no source.
const CONFIGURATOR_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; " +
    "base-uri 'none'; object-src 'none'; form-action 'none'; frame-ancestors 'self'";
const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.wasm': 'application/wasm',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.ics': 'text/calendar; charset=utf-8',
    '.txt': 'text/plain; charset=utf-8',
};
// What another origin may load: the widget and what it fetches.
const SHARED = new Set(['.js', '.wasm', '.css', '.json']);

function parseArgs(argv) {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const args = { root: resolve(here, '../dist'), port: 8080, crossPort: 8081, host: '127.0.0.1' };
    for (let i = 0; i < argv.length; i++) {
        const next = () => argv[++i];
        if (argv[i] === '--dir' || argv[i] === '--root') args.root = resolve(next());
        else if (argv[i] === '--port') args.port = Number(next());
        else if (argv[i] === '--port2' || argv[i] === '--cross-port') args.crossPort = Number(next());
        else throw new Error(`unknown argument ${argv[i]}`);
    }
    return args;
}

function handler(root, mainOrigin) {
    return async (request, response) => {
        const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache', 'Referrer-Policy': 'no-referrer' };
        try {
            const { pathname } = new URL(request.url, 'http://localhost');
            let path = normalize(decodeURIComponent(pathname));
            if (path.endsWith('/')) path += 'index.html';
            const file = join(root, path);
            if (!file.startsWith(root + sep) || !(await stat(file)).isFile()) throw new Error('not found');
            if (request.method !== 'GET' && request.method !== 'HEAD') {
                response.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
                return;
            }
            const type = extname(file);
            let body = await readFile(file);
            if (path.endsWith('/cross-origin.html')) body = Buffer.from(body.toString('utf8').replaceAll('%MAIN_ORIGIN%', mainOrigin));
            if (path.endsWith('/strict-csp.html')) headers['Content-Security-Policy'] = STRICT_CSP;
            if (path.endsWith('/configure.html')) headers['Content-Security-Policy'] = CONFIGURATOR_CSP;
            if (SHARED.has(type)) {
                headers['Access-Control-Allow-Origin'] = '*';
                headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
            }
            response.writeHead(200, { ...headers, 'Content-Type': TYPES[type] || 'application/octet-stream', 'Content-Length': body.length });
            response.end(request.method === 'HEAD' ? undefined : body);
        } catch {
            response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
        }
    };
}

function listen(server, port, host) {
    return new Promise((done, failed) => {
        server.once('error', failed);
        server.listen(port, host, () => done(server.address().port));
    });
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const main = createServer();
    const cross = createServer();
    const port = await listen(main, args.port, args.host);
    const mainOrigin = `http://${args.host}:${port}`;
    main.on('request', handler(args.root, mainOrigin));
    cross.on('request', handler(args.root, mainOrigin));
    const crossPort = await listen(cross, args.crossPort, args.host);
    console.log(`demo:          ${mainOrigin}/`);
    console.log(`strict CSP:    ${mainOrigin}/strict-csp.html`);
    console.log(`cross-origin:  http://${args.host}:${crossPort}/cross-origin.html`);
    console.log(`configurator:  ${mainOrigin}/configure.html`);
    console.log(`serving ${args.root} (Ctrl+C to stop)`);
    const stop = () => {
        main.closeAllConnections();
        cross.closeAllConnections();
        main.close();
        cross.close();
        process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

main().catch((error) => {
    console.error(`serve: ${error.message}`);
    process.exit(1);
});
