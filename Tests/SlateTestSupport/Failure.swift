import SlateCore

/// The code of the `SlateError` that `body` throws (`not_found`, `access_denied` ...), or
/// nil when it succeeds, so a test names the failure it expects rather than "throws".
public func failure(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as SlateError {
        return error.code
    } catch {
        return "unexpected: \(error)"
    }
}
