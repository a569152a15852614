#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// C library functions that the platform's Swift module does not declare (glibc's
/// `malloc_trim` and `gettid` need `_GNU_SOURCE`), looked up in the running process.
public enum CLibrary {
    /// The address of the C function `name`, or nil when this C library has none;
    /// callers then skip what it would have done. Cast it with `unsafeBitCast` to
    /// the function's `@convention(c)` type.
    public static func function(named name: String) -> UnsafeMutableRawPointer? {
        guard let process = dlopen(nil, RTLD_NOW) else { return nil }
        return dlsym(process, name)
    }
}
