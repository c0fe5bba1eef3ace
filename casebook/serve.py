"""A static server for a built edition that compresses what it sends, as a real static host does:

    python -m casebook.serve DIRECTORY [--port 8000] [--bind 127.0.0.1]

Python's own `http.server` sends every file uncompressed, which no static host does;
measured over it, a phone on a slow connection looks far slower than it will be
(Lighthouse scores a page 25-30 points lower). This one sends text files (HTML, CSS,
JavaScript, JSON, SVG) gzip-compressed to browsers that accept it, and everything else
as http.server does. `make serve`, the browser tests and the benchmark use it.

It announces its port and logs every request the way http.server does, so that callers
(tests/support.py's `served`) can read both.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import sys
from functools import lru_cache, partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

# Types worth compressing; fonts and images are compressed already.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


@lru_cache(maxsize=512)
def compressed(path: str, modified: float, size: int) -> bytes:
    """The file gzip-compressed, once per version of it (the modification time and size name the version)."""
    with open(path, "rb") as file:
        return gzip.compress(file.read(), compresslevel=9, mtime=0)


class CompressingHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep connections open, as real hosts do

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) or not os.path.isfile(path):
            return super().send_head()  # directory redirects, index.html, listings and 404s as http.server does
        kind = self.guess_type(path)
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and kind.startswith(COMPRESSIBLE)):
            return super().send_head()
        info = os.stat(path)
        body = compressed(path, info.st_mtime, info.st_size)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(info.st_mtime))
        self.end_headers()
        return io.BytesIO(body)  # copyfile reads it; the handler closes it


# JavaScript modules must be served as JavaScript; some systems map .js otherwise or not at all.
CompressingHandler.extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "application/javascript", ".mjs": "application/javascript"}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--port", type=int, default=8000, help="0: a free port, which is announced")
    parser.add_argument("--bind", default="127.0.0.1")
    options = parser.parse_args(argv)
    handler = partial(CompressingHandler, directory=options.directory)
    with ThreadingHTTPServer((options.bind, options.port), handler) as server:
        host, port = server.server_address[:2]
        # The line http.server prints, which tests/support.py reads for the port.
        print(f"Serving HTTP on {host} port {port} (http://{host}:{port}/) ...", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            sys.exit(0)


if __name__ == "__main__":
    main()
