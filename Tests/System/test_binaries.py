"""What the executables are made of, and what the default server runs.

* deltadb, main-worker and proc-worker link no part of the code generator
  (CodegenCore, Yams, GRPCCodeGen), and proc-worker links no HTTP framework
  (Hummingbird): their Swift symbols are read with `nm`;
* the all-in-one server's default is the direct path (no embedded gRPC hop);
  with -grpc-addr it keeps one embedded worker so Processing Workers can join.
"""
import shutil
import subprocess

import pytest

# Mangled Swift module names as they appear in symbols.
CODEGEN_MODULES = ("11CodegenCore", "4Yams", "11GRPCCodeGen")
HTTP_FRAMEWORK = ("11Hummingbird",)


def swift_symbols(path):
    if shutil.which("nm") is None:
        pytest.skip("nm (binutils) is not installed")
    output = subprocess.run(["nm", path], capture_output=True, text=True, check=True).stdout
    assert output.count("\n") > 1000, f"nm found almost no symbols in {path}; is it stripped?"
    return output


@pytest.mark.parametrize("name", ["deltadb", "main-worker", "proc-worker"])
def test_server_binaries_do_not_link_the_code_generator(name, deltadb_bin, main_worker_bin, proc_worker_bin):
    path = {"deltadb": deltadb_bin, "main-worker": main_worker_bin, "proc-worker": proc_worker_bin}[name]
    symbols = swift_symbols(path)
    linked = [module for module in CODEGEN_MODULES if module in symbols]
    assert not linked, f"{name} links code-generator modules {linked}"


def test_proc_worker_links_no_http_framework(proc_worker_bin, deltadb_bin):
    assert any(module in swift_symbols(deltadb_bin) for module in HTTP_FRAMEWORK), "the check itself finds Hummingbird"
    linked = [module for module in HTTP_FRAMEWORK if module in swift_symbols(proc_worker_bin)]
    assert not linked, f"proc-worker links {linked}"


def test_codegen_binary_is_what_links_them(codegen_bin):
    symbols = swift_symbols(codegen_bin)
    assert all(module in symbols for module in CODEGEN_MODULES), "the symbol check would not see these modules"


def test_default_server_takes_the_direct_path(start_deltadb):
    server = start_deltadb()
    assert "workers=0" in server.log(), \
        "deltadb without -workers should call its data plane directly (workers 0); log:\n" + server.log()[-2000:]
    status, _, body = server.rest("PUT", "/entity/direct", {"k": {"a": 1}})
    assert status == 200, body


def test_grpc_listener_keeps_an_embedded_worker(start_deltadb):
    server = start_deltadb(extra_args=["-grpc-addr=127.0.0.1:0"])
    assert "workers=1" in server.log(), server.log()[-2000:]
    status, _, body = server.rest("GET", "/admin/workers")
    assert status == 200 and b"embedded" in body, body
