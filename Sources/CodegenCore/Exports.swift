@_exported import CodeRendering
