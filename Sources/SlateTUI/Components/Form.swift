import SlateCore

/// One field of a form.
public struct FormField: Equatable, Sendable {
    /// What the field holds: free text (with completion), or one of fixed choices.
    public enum Kind: Equatable, Sendable {
        case text
        /// A local date-time (`2026-12-03T14:00`), checked in the form's zone.
        case dateTime
        /// Options with how each reads on screen; Space, ← and → cycle them.
        case choice([String], shown: [String])
    }

    public var name: String
    public var value: String
    public var kind: Kind

    public init(_ name: String, _ value: String = "", kind: Kind = .text) {
        self.name = name
        self.value = value
        self.kind = kind
    }

    /// True for fields edited by typing (text and date-times).
    var isTyped: Bool { kind == .text || kind == .dateTime }
}

/// What a key did to a form.
public enum FormEvent: Equatable, Sendable {
    case edited
    case submit
    case cancel
    /// Tab found several completions; the screen says which.
    case candidates([String])
    /// Tab completed the focused field to a whole value.
    case completed(field: Int, value: String)
}

/// A form of typed fields: editing, focus, choices and Tab completion. Validation and
/// what a submit does belong to the screen that owns the form.
public struct FormState: Equatable, Sendable {
    public var fields: [FormField]
    public var focus = 0

    public init(_ fields: [FormField]) {
        self.fields = fields
    }

    /// The value of the field called `name`.
    public subscript(_ name: String) -> String {
        get { fields.first { $0.name == name }?.value ?? "" }
        set { if let index = fields.firstIndex(where: { $0.name == name }) { fields[index].value = newValue } }
    }

    /// Handles an editing key. `complete` gives the completions of a text field's value;
    /// Tab completes to the only one, lists several, and moves on once the value is whole.
    public mutating func handle(_ key: Key, complete: (Int, String) -> [String] = { _, _ in [] }) -> FormEvent {
        let count = fields.count
        switch key {
        case .escape:
            return .cancel
        case .enter:
            return .submit
        case .tab:
            let text = fields[focus].value
            let names = fields[focus].kind == .text && !text.isEmpty ? complete(focus, text) : []
            if names.isEmpty || names.contains(where: { $0.lowercased() == text.lowercased() }) {
                focus = (focus + 1) % count
            } else if names.count == 1, let only = names.first {
                fields[focus].value = only
                return .completed(field: focus, value: only)
            } else {
                return .candidates(names)
            }
        case .down:
            focus = (focus + 1) % count
        case .backTab, .up:
            focus = (focus + count - 1) % count
        case .char(" "), .left, .right:
            if case .choice(let options, _) = fields[focus].kind, !options.isEmpty {
                let index = options.firstIndex(of: fields[focus].value) ?? 0
                fields[focus].value = options[(index + (key == .left ? options.count - 1 : 1)) % options.count]
            } else if case .char(let c) = key {
                fields[focus].value.append(c)
            }
        default:
            if fields[focus].isTyped { _ = LineEdit.apply(key, to: &fields[focus].value) }
        }
        return .edited
    }

    /// What is wrong with the typed values, field by field ("Start: ..."): date-times must
    /// read as local times in `zone`. Empty when the form can be submitted.
    public func problems(in zone: LocalTime) -> [String] {
        fields.compactMap { field in
            guard field.kind == .dateTime else { return nil }
            do {
                _ = try zone.parse(field.value)
                return nil
            } catch let error as SlateError {
                return "\(field.name): \(error.description)"
            } catch {
                return "\(field.name): \(error)"
            }
        }
    }

    /// The form's lines for a panel: a marker on the focused field, a caret after its text.
    public func lines(unicode: Bool) -> [String] {
        let nameWidth = (fields.map { DisplayWidth.of($0.name) }.max() ?? 0) + 2
        return fields.enumerated().map { index, field in
            let focused = index == focus
            let marker = focused ? (unicode ? "▸ " : "> ") : "  "
            var value = field.value
            if case .choice(let options, let shown) = field.kind, let at = options.firstIndex(of: field.value), at < shown.count {
                value = shown[at] + "  [Space toggles]"
            } else if focused {
                value += unicode ? "▏" : "_"
            }
            return marker + DisplayWidth.pad(field.name, to: nameWidth - 1) + value
        }
    }
}

/// A screen's form: its fields and the last reason a submit was refused.
protocol ScreenForm {
    var form: FormState { get set }
    var problem: String { get set }
}

/// What a key did to a screen's form.
enum FormStep<Result> {
    case cancelled
    case submitted(Result)
    case editing
}

extension ScreenForm {
    /// Applies a key; on Enter `submit` turns the form into its result, or throws what is
    /// wrong, which the form keeps in `problem`.
    mutating func step<Result>(_ key: Key, submit: (Self) throws -> Result) -> FormStep<Result> {
        switch form.handle(key) {
        case .cancel:
            return .cancelled
        case .submit:
            do {
                problem = ""
                return .submitted(try submit(self))
            } catch let error as SlateError {
                problem = error.description
            } catch {
                problem = "\(error)"
            }
        default:
            problem = ""
        }
        return .editing
    }
}
