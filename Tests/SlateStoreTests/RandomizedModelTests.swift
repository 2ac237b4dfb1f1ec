import Foundation
import GRDB
import Testing
@testable import SlateCore
@testable import SlateStore

/// A brute-force model of the booking rules, written independently of the store: every
/// query is a scan over all bookings.
struct BookingModel {
    struct Entry {
        var uid: String
        var resource: String
        var interval: Interval
        var status: BookingStatus
        var order: Int
        var expires: Int64?
        var deadline: Int64?
    }

    var entries: [Entry] = []
    var nextOrder = 0

    func live(_ resource: String, _ interval: Interval, _ status: BookingStatus) -> [Entry] {
        entries.filter { $0.resource == resource && $0.status == status && $0.interval.overlaps(interval) }
    }

    func rank(_ entry: Entry) -> Int {
        1 + live(entry.resource, entry.interval, .hold).filter { $0.order < entry.order }.count
    }

    mutating func sweep(now: Int64) {
        for index in entries.indices where entries[index].status == .hold {
            if (entries[index].expires ?? .max) <= now || (entries[index].deadline ?? .max) <= now {
                entries[index].status = .released
                entries[index].deadline = nil
            }
        }
    }
}

@Suite("Randomized steps against a brute-force model")
struct RandomizedModelTests {
    @Test(arguments: [UInt64(7), 2026])
    func thousandsOfRandomStepsKeepTheStoreEqualToTheModel(seed: UInt64) throws {
        let f = try Fixture.make()
        let resources = [f.stageA, f.stageB, f.ava]
        let base = try Make.paris().parse("2026-12-10T08:00")
        var random = SeededRandom(seed: seed)
        var model = BookingModel()
        let session = f.alice

        for step in 0..<1500 {
            let now = f.clock.now
            func pickLive(_ status: BookingStatus?) -> Int? {
                let candidates = model.entries.indices.filter { status == nil ? model.entries[$0].status.isLive : model.entries[$0].status == status }
                return candidates.isEmpty ? nil : candidates[random.next(candidates.count)]
            }
            let action = random.next(100)
            let resource = resources[random.next(resources.count)]
            let start = base + Int64(random.next(12)) * 3600
            let interval = Interval(start: start, end: start + Int64(1 + random.next(4)) * 3600)
            switch action {
            case 0..<30: // place a hold
                model.sweep(now: now)
                let rank = model.live(resource, interval, .hold).count + 1
                let placed = try session.place(BookingPlacement(resource: resource, start: .instant(interval.start), end: .instant(interval.end), status: .hold)).value
                model.entries.append(.init(uid: placed.uid, resource: resource, interval: interval, status: .hold, order: model.nextOrder,
                                           expires: now + (rank == 1 ? 14 : 7) * 86_400))
                model.nextOrder += 1
            case 30..<45: // book outright
                model.sweep(now: now)
                let allowed = model.live(resource, interval, .confirmed).isEmpty && model.live(resource, interval, .hold).isEmpty
                do {
                    let placed = try session.place(BookingPlacement(resource: resource, start: .instant(interval.start), end: .instant(interval.end), status: .confirmed)).value
                    #expect(allowed, "step \(step): store booked what the model refuses")
                    model.entries.append(.init(uid: placed.uid, resource: resource, interval: interval, status: .confirmed, order: model.nextOrder))
                    model.nextOrder += 1
                } catch SlateError.refused {
                    #expect(!allowed, "step \(step): store refused what the model allows")
                }
            case 45..<65: // confirm a hold, sometimes by force
                model.sweep(now: now)
                guard let index = pickLive(.hold) else { continue }
                let entry = model.entries[index]
                let force = random.next(4) == 0
                let above = model.live(entry.resource, entry.interval, .hold).filter { $0.order < entry.order }
                let clash = !model.live(entry.resource, entry.interval, .confirmed).isEmpty
                let allowed = !clash && (above.isEmpty || force)
                do {
                    _ = try session.confirm(entry.uid, forceReason: force ? "model says so" : nil)
                    #expect(allowed, "step \(step): confirm should be refused")
                    for held in above {
                        if let i = model.entries.firstIndex(where: { $0.uid == held.uid }) { model.entries[i].status = .released; model.entries[i].deadline = nil }
                    }
                    model.entries[index].status = .confirmed
                    model.entries[index].expires = nil
                    model.entries[index].deadline = nil
                } catch SlateError.refused {
                    #expect(!allowed, "step \(step): confirm should be allowed")
                }
            case 65..<80: // release or cancel
                model.sweep(now: now)
                guard let index = pickLive(nil) else { continue }
                if model.entries[index].status == .hold {
                    _ = try session.release(model.entries[index].uid)
                } else {
                    _ = try session.cancel(model.entries[index].uid)
                }
                model.entries[index].status = model.entries[index].status == .hold ? .released : .cancelled
                model.entries[index].deadline = nil
            case 80..<90: // challenge
                model.sweep(now: now)
                guard let index = pickLive(.hold) else { continue }
                let entry = model.entries[index]
                let above = model.live(entry.resource, entry.interval, .hold).filter { $0.order < entry.order }
                do {
                    _ = try session.challenge(entry.uid)
                    #expect(!above.isEmpty)
                    let deadline = now + 24 * 3600
                    for held in above {
                        if let i = model.entries.firstIndex(where: { $0.uid == held.uid }) {
                            model.entries[i].deadline = min(model.entries[i].deadline ?? .max, deadline)
                        }
                    }
                } catch SlateError.invalidInput {
                    #expect(above.isEmpty)
                }
            default: // time passes; the next command sweeps expiries and deadlines
                f.clock.advance(Int64(random.next(5 * 24)) * 3600)
                continue
            }
            try compare(f, model, step: step)
        }
    }

    func compare(_ f: Fixture, _ model: BookingModel, step: Int) throws {
        let rows = try f.workspace.database.read { db in
            try Row.fetchAll(db, sql: "SELECT uid, status, rank, expires_at, challenge_deadline FROM bookings WHERE deleted_at IS NULL ORDER BY id")
        }
        #expect(rows.count == model.entries.count)
        for (row, entry) in zip(rows, model.entries) {
            let status: String = row["status"]
            #expect(status == entry.status.rawValue, "step \(step) \(entry.uid): status \(status), model \(entry.status)")
            if entry.status == .hold {
                #expect(row["rank"] as Int? == model.rank(entry), "step \(step) \(entry.uid): rank")
                #expect(row["expires_at"] as Int64? == entry.expires, "step \(step) \(entry.uid): expiry")
                #expect(row["challenge_deadline"] as Int64? == entry.deadline, "step \(step) \(entry.uid): deadline")
            } else {
                #expect(row["rank"] as Int? == nil)
            }
        }
        // No two confirmed bookings of a resource overlap.
        let confirmed = model.entries.filter { $0.status == .confirmed }
        for (i, a) in confirmed.enumerated() {
            for b in confirmed[(i + 1)...] where a.resource == b.resource {
                #expect(!a.interval.overlaps(b.interval), "step \(step): \(a.uid) overlaps \(b.uid)")
            }
        }
    }
}

extension Make {
    static func paris() throws -> LocalTime { try LocalTime(zoneIdentifier: "Europe/Paris") }
}

enum Make {}
