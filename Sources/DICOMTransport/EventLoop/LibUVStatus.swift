import CLibUV

/// A negative libuv status code (`UV_ECONNREFUSED`, …) with its name and text.
public struct LibUVStatus: Error, Hashable, Sendable, CustomStringConvertible {
    /// The libuv code: a negated errno on Unix, or a `UV_EAI_*` resolver code.
    public let code: Int32

    public init(_ code: Int32) { self.code = code }

    /// libuv's symbolic name, e.g. "ECONNREFUSED".
    public var name: String { String(cString: uv_err_name(code)) }
    /// libuv's text, e.g. "connection refused".
    public var text: String { String(cString: uv_strerror(code)) }
    public var description: String { "\(name): \(text)" }

    public static let connectionRefused = LibUVStatus(UV_ECONNREFUSED.rawValue)
    public static let connectionReset = LibUVStatus(UV_ECONNRESET.rawValue)
    public static let timedOut = LibUVStatus(UV_ETIMEDOUT.rawValue)
    public static let canceled = LibUVStatus(UV_ECANCELED.rawValue)
    public static let endOfFile = LibUVStatus(UV_EOF.rawValue)
    public static let brokenPipe = LibUVStatus(UV_EPIPE.rawValue)
    public static let addressInUse = LibUVStatus(UV_EADDRINUSE.rawValue)
    public static let hostUnreachable = LibUVStatus(UV_EHOSTUNREACH.rawValue)
    public static let networkUnreachable = LibUVStatus(UV_ENETUNREACH.rawValue)
    public static let invalidArgument = LibUVStatus(UV_EINVAL.rawValue)
}
