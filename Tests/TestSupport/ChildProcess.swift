import Foundation

/// A peer process (a DCMTK tool or our own `pacslink`) started by a test. Output goes to files
/// in a temporary directory so a chatty peer never blocks on a full pipe; `stop()` (or deinit)
/// terminates it, so no test leaves a server running.
public final class ChildProcess: @unchecked Sendable {
    public let process = Process()
    public let stdoutURL: URL
    public let stderrURL: URL
    public let commandLine: String

    /// Starts `executable` with `arguments`; `environment` entries are added to ours.
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        workingDirectory: URL? = nil
    ) throws {
        let logs = try TemporaryDirectory(prefix: "peer")
        stdoutURL = logs.url.appendingPathComponent("stdout.txt")
        stderrURL = logs.url.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        commandLine = ([executable] + arguments).joined(separator: " ")
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        logs.keep()
        try Self.withSignalsUnblocked { try process.run() }
    }

    /// Runs `body` with no signal blocked on this thread. Children inherit the spawning thread's
    /// signal mask, and test code runs on Dispatch worker threads that block signals: a peer
    /// started from there (storescp) would ignore SIGTERM for good.
    private static func withSignalsUnblocked<T>(_ body: () throws -> T) rethrows -> T {
        var none = sigset_t(), saved = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        return try body()
    }

    public var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Waits until the process accepts TCP connections on `port`, or throws with its output.
    public func waitUntilListening(on port: UInt16, timeout: Double = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if FreePort.isListening(port) { return }
            if !process.isRunning { break }
            usleep(20_000)
        }
        throw Failure("\(commandLine) is not listening on \(port)\nstdout: \(stdout)\nstderr: \(stderr)")
    }

    /// Waits for the process to exit and returns its status (terminating it after `timeout`).
    @discardableResult
    public func wait(timeout: Double = 60) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { stop() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Terminates the process: SIGTERM, then SIGKILL after `grace` seconds if it is still
    /// running (a peer that ignores SIGTERM must not hang the suite).
    public func stop(grace: Double = 5) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(grace)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }

    /// Runs a command to completion and returns its exit status and output.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        workingDirectory: URL? = nil, timeout: Double = 60
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let child = try ChildProcess(
            executable, arguments, environment: environment, workingDirectory: workingDirectory)
        let status = child.wait(timeout: timeout)
        return (status, child.stdout, child.stderr)
    }
}

/// A test failure with a message (for throwing from helpers).
public struct Failure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
