"""Python gRPC stubs for spec/deltadb.proto, compiled with grpcio-tools (protoc as a library)."""
import importlib
import os
import sys

from .processes import ROOT


def compile_stubs(out_dir):
    """Compiles spec/deltadb.proto into out_dir; returns the modules (deltadb_pb2, deltadb_pb2_grpc)."""
    import grpc_tools
    from grpc_tools import protoc

    include = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
    spec = os.path.join(ROOT, "spec")
    args = ["protoc", f"-I{spec}", f"-I{include}", f"--python_out={out_dir}",
            f"--grpc_python_out={out_dir}", os.path.join(spec, "deltadb.proto")]
    if protoc.main(args) != 0:
        raise RuntimeError("protoc (grpcio-tools) failed to compile spec/deltadb.proto")
    sys.path.insert(0, str(out_dir))
    return importlib.import_module("deltadb_pb2"), importlib.import_module("deltadb_pb2_grpc")
