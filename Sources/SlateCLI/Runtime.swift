import ArgumentParser
import Foundation
import SlateCore
import SlateStore

/// Everything a command line run needs from outside: who runs it, the environment,
/// the clock and where output goes. Injected so whole command lines run in tests.
public struct RunEnvironment: Sendable {
    /// The OS account running the process.
    public var login: String
    /// The account's full name, used when it founds a workspace.
    public var userName: String
    public var variables: [String: String]
    public var clock: Clock
    public var output: OutputSink
    /// Set when the environment itself is unusable (an unparsable `SLATE_NOW`): every
    /// command is refused with this message rather than run at the wrong time.
    public var problem: String?
    /// Workspaces kept open across the commands of one `slate batch`.
    var workspaces: WorkspaceCache?
    /// Lines of standard input (`slate batch`); tests give their own.
    public var input: LineSource = .standardInput

    public init(login: String, userName: String, variables: [String: String], clock: Clock, output: OutputSink) {
        self.login = login
        self.userName = userName
        self.variables = variables
        self.clock = clock
        self.output = output
    }

    /// The real process: OS account from the effective uid, real clock, stdout/stderr.
    /// `SLATE_NOW` (ISO 8601 with offset, or seconds) pins the clock for scripts and tests.
    public static func process() -> RunEnvironment {
        let variables = ProcessInfo.processInfo.environment
        var login = "unknown"
        var name = "unknown"
        if let entry = getpwuid(geteuid()) {
            login = String(cString: entry.pointee.pw_name)
            let gecos = String(cString: entry.pointee.pw_gecos).split(separator: ",").first.map(String.init) ?? ""
            name = gecos.isEmpty ? login : gecos
        }
        var clock = Clock { Int64(Date().timeIntervalSince1970) }
        var problem: String?
        if let pinned = variables["SLATE_NOW"] {
            if let instant = Int64(pinned) ?? (try? LocalTime(timeZone: .gmt).parse(pinned)) {
                clock = .fixed(instant)
            } else {
                problem = "SLATE_NOW='\(TextInput.printable(pinned))' is not a time; use seconds since 1970 or ISO 8601 such as 2026-12-01T09:00:00Z (or unset it)"
            }
        }
        var environment = RunEnvironment(login: login, userName: name, variables: variables, clock: clock, output: .standard)
        environment.problem = problem
        return environment
    }

    @TaskLocal static var current = RunEnvironment.process()
}

/// Where a run writes: the real streams or buffers in tests, and the workspaces it opened
/// (checkpointed when the run ends).
public final class OutputSink: @unchecked Sendable {
    private let lock = NSLock()
    private let direct: Bool
    private var outBuffer = ""
    private var errBuffer = ""
    private var workspaces: [Workspace] = []

    /// Remembers a workspace the run opened, so the run can checkpoint it at the end.
    func opened(_ workspace: Workspace) {
        lock.withLock { workspaces.append(workspace) }
    }

    /// Folds the write-ahead log of every workspace the run opened (after the result is out,
    /// so checkpoints stay off the edit path). The process's own streams are about to
    /// exit: a workspace whose log is still small keeps its connection open to the end
    /// (`Workspace.foldLogOnExit`), so that closing it does not fold the log either.
    func checkpointOpened() {
        let opened = lock.withLock { () -> [Workspace] in
            defer { workspaces = [] }
            return workspaces
        }
        var left: [Workspace] = []
        for workspace in opened {
            if !direct {
                workspace.checkpoint()
            } else if !workspace.foldLogOnExit() {
                left.append(workspace)
            }
        }
        lock.withLock { workspaces = left }
    }

    private init(direct: Bool) {
        self.direct = direct
    }

    /// Standard output and standard error.
    public static let standard = OutputSink(direct: true)

    /// A sink that keeps everything for inspection.
    public static func buffer() -> OutputSink { OutputSink(direct: false) }

    /// Writes a line to standard output. Nothing from user data reaches a terminal as a
    /// control sequence: every control or bidi character is escaped here, last of all.
    func out(_ text: String) {
        let line = TextInput.terminalSafe(text) + "\n"
        if direct { FileHandle.standardOutput.write(Data(line.utf8)); return }
        lock.withLock { outBuffer += line }
    }

    /// Writes a document as it is (an iCalendar file with its CRLF lines); its producer
    /// has already left out control characters.
    func document(_ text: String) {
        if direct { FileHandle.standardOutput.write(Data(text.utf8)); return }
        lock.withLock { outBuffer += text }
    }

    /// Writes a line to standard error, escaped like `out`.
    func err(_ text: String) {
        let line = TextInput.terminalSafe(text) + "\n"
        if direct { FileHandle.standardError.write(Data(line.utf8)); return }
        lock.withLock { errBuffer += line }
    }

    /// What was written to standard output.
    public var stdout: String { lock.withLock { outBuffer } }
    /// What was written to standard error.
    public var stderr: String { lock.withLock { errBuffer } }
}

/// Workspaces opened once and reused by every command of a batch.
final class WorkspaceCache: @unchecked Sendable {
    private let lock = NSLock()
    private var open: [String: Workspace] = [:]

    /// The workspace at `path`, opened on first use.
    func workspace(at path: String, options: Workspace.Options) throws -> Workspace {
        try lock.withLock {
            if let found = open[path] { return found }
            let made = try Workspace.open(at: path, options: options)
            open[path] = made
            return made
        }
    }

    /// Every workspace opened so far.
    var all: [Workspace] { lock.withLock { Array(open.values) } }
}

/// Where `slate batch` reads its lines: standard input, or lines given in advance.
public final class LineSource: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String]?

    private init(lines: [String]?) {
        self.lines = lines
    }

    /// The process's standard input.
    public static let standardInput = LineSource(lines: nil)

    /// These lines, then the end.
    public static func lines(_ lines: [String]) -> LineSource { LineSource(lines: lines) }

    /// The next line without its newline, or nil at the end.
    func next() -> String? {
        lock.withLock {
            guard lines != nil else { return readLine(strippingNewline: true) }
            return lines?.isEmpty == false ? lines?.removeFirst() : nil
        }
    }
}

/// Exit statuses of DESIGN §5.
public enum ExitStatus: Int32, Sendable {
    case done = 0
    case refused = 1
    case badInput = 2
    case storage = 3
}

/// Entry points of the command line.
public enum SlateCLI {
    /// Runs one command line and returns its exit status.
    public static func run(_ arguments: [String], environment: RunEnvironment) -> Int32 {
        let arguments = optionsAfterCommand(arguments)
        return RunEnvironment.$current.withValue(environment) {
            let output = environment.output
            if let problem = environment.problem {
                report(.invalidInput(problem), json: arguments.contains("--json"), output: output)
                return ExitStatus.badInput.rawValue
            }
            if let help = helpText(for: arguments) {
                output.out(help)
                return ExitStatus.done.rawValue
            }
            do {
                var command = try SlateCommand.parseAsRoot(arguments)
                defer { output.checkpointOpened() }
                do {
                    try command.run()
                    return ExitStatus.done.rawValue
                } catch let error as SlateError {
                    report(error, json: arguments.contains("--json"), output: output)
                    return status(for: error).rawValue
                } catch let error as ExitCode {
                    return error.rawValue
                } catch {
                    let message = SlateCommand.fullMessage(for: error)
                    output.err(message)
                    return SlateCommand.exitCode(for: error) == .success ? 0 : ExitStatus.badInput.rawValue
                }
            } catch {
                let code = SlateCommand.exitCode(for: error)
                let message = code == .success ? SlateCommand.fullMessage(for: error) : unknownCommand(in: arguments).map { "Error: " + $0 } ?? SlateCommand.fullMessage(for: error)
                if code == .success {
                    output.out(message)
                    return 0
                }
                output.err(message)
                return ExitStatus.badInput.rawValue
            }
        }
    }

    /// Runs the process's own command line and exits.
    public static func main() -> Never {
        exit(run(Array(CommandLine.arguments.dropFirst()), environment: .process()))
    }

    /// `slate --db FILE booking list` reads as `slate booking list --db FILE`: the workspace
    /// and output options may come before the command, as git's `-C` does. Without a
    /// command after them they stay where they are (`slate --db FILE` opens the UI).
    static func optionsAfterCommand(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--db", index + 1 < arguments.count {
                leading += [word, arguments[index + 1]]
                index += 2
            } else if word.hasPrefix("--db=") || word == "--json" || word == "--csv" {
                leading.append(word)
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count,
              SlateCommand.configuration.subcommands.contains(where: { $0._commandName == arguments[index] }) else { return arguments }
        var moved = Array(arguments[index...])
        moved.insert(contentsOf: leading, at: moved.firstIndex(of: "--") ?? moved.count)
        return moved
    }

    /// A word after a group that is none of its commands (`slate task complete …`), when the
    /// group's default is a listing: its parser would refuse whatever came next as the
    /// listing's, so the message names the word and the group's commands instead.
    static func unknownCommand(in arguments: [String]) -> String? {
        var type: any ParsableCommand.Type = SlateCommand.self
        var path = ["slate"]
        for (index, word) in arguments.enumerated() where !word.hasPrefix("-") && (index == 0 || arguments[index - 1] != "--db") {
            let configuration = type.configuration
            if let next = configuration.subcommands.first(where: { $0._commandName == word }) {
                type = next
                path.append(word)
                continue
            }
            guard type != SlateCommand.self, !configuration.subcommands.isEmpty,
                  configuration.defaultSubcommand.map({ $0._commandName == "list" }) ?? true else { return nil }
            return "'\(word)' is not a command of '\(path.joined(separator: " "))'; its commands: \(configuration.subcommands.map { $0._commandName }.joined(separator: ", "))"
        }
        return nil
    }

    /// Help for `--help`, `-h` or `help` at any depth, written to the run's own output.
    static func helpText(for arguments: [String]) -> String? {
        guard arguments.contains("--help") || arguments.contains("-h") || arguments.first == "help" else { return nil }
        var type: any ParsableCommand.Type = SlateCommand.self
        for word in arguments where !word.hasPrefix("-") && word != "help" {
            guard let next = type.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            type = next
        }
        return SlateCommand.helpMessage(for: type)
    }

    static func status(for error: SlateError) -> ExitStatus {
        switch error {
        case .refused, .accessDenied, .stale: .refused
        case .invalidInput, .notFound: .badInput
        case .storage: .storage
        }
    }

    static func report(_ error: SlateError, json: Bool, output: OutputSink) {
        if json {
            // A refusal is a result too: scripts read it on standard output (exit 1).
            output.out(JSONOutput.encode(FailureJSON(error)))
            return
        }
        output.err("slate: \(error.description)")
        if case .refused(_, let offer?) = error {
            output.err("slate: it can wait as \(HoldQueue.withArticle(offer.rank)) hold instead: run the same command with --or-hold, or `slate hold \(offer.resourceUID) --from \(offer.startLocal) --to \(offer.endLocal)`")
        }
    }
}

/// A failure as `--json` prints it.
struct FailureJSON: Encodable {
    struct Violation: Encodable {
        var kind: String
        var message: String
        var other: String?
    }

    struct Time: Encodable {
        var local: String
        var epoch: Int64
    }

    struct Offer: Encodable {
        var resource: String
        var rank: Int
        var start: Time
        var end: Time
    }

    var error: String
    var message: String
    var violations: [Violation]?
    var holdOffer: Offer?

    init(_ failure: SlateError) {
        error = failure.code
        message = failure.description
        if case .refused(let found, let offer) = failure {
            violations = found.map { Violation(kind: $0.kind.rawValue, message: $0.message, other: $0.otherUID) }
            holdOffer = offer.map {
                Offer(resource: $0.resourceUID, rank: $0.rank, start: Time(local: $0.startISO, epoch: $0.interval.start), end: Time(local: $0.endISO, epoch: $0.interval.end))
            }
        }
    }
}
