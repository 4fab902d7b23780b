"""Console script `doancongtac-serve`: waitress in front of the app, for Windows or Linux servers."""
import argparse


def main() -> None:
    from waitress import serve

    from . import create_app

    parser = argparse.ArgumentParser(description="Phục vụ ứng dụng Đoàn công tác bằng waitress")
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    print(f"Đang phục vụ tại http://127.0.0.1:{args.port}/", flush=True)
    serve(create_app(), host=args.host, port=args.port, threads=args.threads)
