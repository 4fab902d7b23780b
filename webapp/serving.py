"""Console script `doancongtac-serve`: waitress in front of the app, for Windows or Linux servers."""
import argparse


def main() -> None:
    from waitress import serve

    from . import create_app
    from .heap import freeze_start_up_heap

    parser = argparse.ArgumentParser(description="Phục vụ ứng dụng Đoàn công tác bằng waitress")
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    app = create_app()
    print(f"Đang phục vụ tại http://127.0.0.1:{args.port}/", flush=True)
    freeze_start_up_heap()
    serve(app, host=args.host, port=args.port, threads=args.threads)
