"""Serve a built site over HTTP the way a real host would: gzip for text, keep-alive, cache headers.

Used by ``make serve``, the browser tests and ``make bench`` (Lighthouse measures what a reader's phone
downloads, and every real host compresses HTML, CSS, JavaScript and JSON). Standard library only.

    python widgets/build/site_server.py _build/html --port 8000
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import os
import threading
from functools import partial
from pathlib import Path

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
                    "application/x-javascript", "image/x-icon", "image/vnd.microsoft.icon")
MIN_COMPRESS_BYTES = 256


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with ``Content-Encoding: gzip`` for compressible types when the client accepts it,
    ``Content-Length`` on every answer (so HTTP/1.1 connections stay open) and the ten-minute cache
    lifetime that common static hosts give every file."""

    protocol_version = "HTTP/1.1"
    _cache: dict[tuple[str, int], bytes] = {}
    _cache_lock = threading.Lock()

    def log_message(self, *args):  # quiet: tests and the benchmark print their own reports
        pass

    def _compressed(self, path: str) -> bytes:
        """The gzip body of ``path``, compressed once per file version."""
        key = (path, os.stat(path).st_mtime_ns)
        with self._cache_lock:
            body = self._cache.get(key)
        if body is None:
            body = gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)
            with self._cache_lock:
                self._cache[key] = body
        return body

    def _wants_gzip(self, content_type: str, size: int) -> bool:
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        return accepts and size >= MIN_COMPRESS_BYTES and content_type.startswith(COMPRESSED_TYPES)

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) or not os.path.isfile(path):
            return super().send_head()  # directory redirects, index.html and 404s as usual
        content_type = self.guess_type(path)
        size = os.path.getsize(path)
        if self._wants_gzip(content_type, size):
            body = self._compressed(path)
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
        else:
            body = Path(path).read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _BytesFile(body)


class _BytesFile:
    """The minimal file object ``SimpleHTTPRequestHandler`` copies from and closes."""

    def __init__(self, data: bytes):
        self._data = data

    def read(self, *_):
        data, self._data = self._data, b""
        return data

    def close(self):
        pass


CompressingHandler.extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                                     ".js": "application/javascript", ".mjs": "application/javascript",
                                     ".json": "application/json", ".svg": "image/svg+xml",
                                     ".ico": "image/x-icon", ".woff2": "font/woff2", ".woff": "font/woff"}


def start(site: Path, port: int = 0, host: str = "127.0.0.1") -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``site`` in a background thread; return the server and its base URL (ending in ``/``)."""
    server = http.server.ThreadingHTTPServer((host, port), partial(CompressingHandler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="folder of the built site, e.g. _build/html")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    args = parser.parse_args()
    if not (args.site / "index.html").exists():
        raise SystemExit(f"{args.site} holds no built site (index.html missing); run 'make book' first")
    server = http.server.ThreadingHTTPServer((args.bind, args.port),
                                             partial(CompressingHandler, directory=str(args.site)))
    print(f"Serving {args.site} on http://{args.bind}:{args.port}/ with gzip (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
