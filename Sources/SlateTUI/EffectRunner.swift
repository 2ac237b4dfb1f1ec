import SlateCore
import SlateStore

/// Runs effects against the domain library and turns their results into actions.
public struct EffectRunner: Sendable {
    public let session: Session

    public init(session: Session) {
        self.session = session
    }

    /// The actions an effect produces (terminal chores such as redraw return none).
    public func run(_ effect: Effect, state: AppState) -> [Action] {
        do {
            switch effect {
            case .loadResources:
                return [.resourcesLoaded(try session.gridResources())]
            case .loadWindow(let period):
                let nearby = state.nearbyResources
                return [.windowLoaded(try session.gridWindow(resources: nearby, window: period), period, Set(nearby.map(\.uid)))]
            case .place(let resource, let interval, let status, let show, let note, let orHold):
                let outcome = try session.place(BookingPlacement(resource: resource, start: .instant(interval.start), end: .instant(interval.end),
                                                                 status: status, show: show, note: note, orHold: orHold))
                let view = outcome.value
                return [.succeeded("Placed \(view.statusText) \(view.uid) on \(view.resourceName) \(view.startLocal)–\(view.endLocal).", warnings: outcome.warnings.map(\.message))]
            case .confirm(let uid, let version, let force):
                let outcome = try session.confirm(uid, forceReason: force, expectedVersion: version)
                return [.succeeded("Confirmed \(uid) (\(outcome.value.resourceName) \(outcome.value.startLocal)–\(outcome.value.endLocal)).", warnings: outcome.warnings.map(\.message))]
            case .release(let uid, let version):
                _ = try session.release(uid, expectedVersion: version)
                return [.succeeded("Released \(uid); holds behind it moved up.", warnings: [])]
            case .cancel(let uid, let version):
                _ = try session.cancel(uid, expectedVersion: version)
                return [.succeeded("Cancelled \(uid); holds behind it moved up.", warnings: [])]
            case .cancelShow(let booking, let version):
                let outcome = try session.cancelShow(ofBooking: booking, expectedVersion: version)
                return [.succeeded("Cancelled show \(outcome.value) and its bookings.", warnings: [])]
            case .challenge(let uid, let version):
                let outcome = try session.challenge(uid, expectedVersion: version)
                return [.succeeded("Challenged " + outcome.value.map { "\($0.uid) (\($0.holder))" }.joined(separator: ", ") + ".", warnings: [])]
            case .move(let uid, let interval, let version, let plan):
                let outcome = try session.move(uid, start: .instant(interval.start), end: .instant(interval.end), expectedVersion: version, plan: plan)
                if plan { return [.movePlanned("")] }
                return [.succeeded("Moved \(uid) to \(outcome.value.startLocal)–\(outcome.value.endLocal).", warnings: outcome.warnings.map(\.message))]
            case .undo:
                let outcome = try session.undo()
                return [.succeeded("Undone: \(outcome.value.dropFirst(6))", warnings: [])]
            case .redo:
                let outcome = try session.redo()
                return [.succeeded("Redone: \(outcome.value.dropFirst(6))", warnings: [])]
            case .setTheme, .redraw, .quit:
                return []
            }
        } catch let error as SlateError {
            if case .move(_, _, _, true) = effect {
                if case .refused(let violations, _) = error { return [.movePlanned(violations.map(\.message).joined(separator: "; "))] }
                return [.movePlanned(error.description)]
            }
            return [.failed(error)]
        } catch {
            return [.failed(.storage("\(error)"))]
        }
    }
}
