import SlateCore
import SlateStore

/// Runs effects against the domain library and turns their results into actions.
public struct EffectRunner: Sendable {
    public let session: Session

    public init(session: Session) {
        self.session = session
    }

    /// What a planned move would do, in words: "" when it is simply free.
    static func preview(_ outcome: Outcome<BookingView>) -> String {
        var parts: [String] = []
        if outcome.value.status == .hold, let rank = outcome.value.rank {
            parts.append("No clash: it would be the \(HoldQueue.ordinal(rank)) hold there\(rank > 1 ? " (behind \(rank - 1) earlier hold\(rank > 2 ? "s" : ""))" : ""); Enter saves.")
        }
        let released = outcome.changes.filter { $0.table == "bookings" && $0.fields["status"]?.last == "released" }.map(\.uid)
        if !released.isEmpty { parts.append("It releases \(released.joined(separator: ", ")).") }
        if !outcome.warnings.isEmpty { parts.append("Warning: " + outcome.warnings.map(\.message).joined(separator: "; ")) }
        return parts.joined(separator: " ")
    }

    /// What a planned phase edit would do, in words.
    static func preview(_ outcome: Outcome<[PhaseMove]>) -> String {
        var parts: [String] = []
        parts.append(outcome.value.isEmpty ? "No phase moves." : "Moves " + outcome.value.map(\.line).joined(separator: "; ") + ".")
        if !outcome.warnings.isEmpty { parts.append("Breaks: " + outcome.warnings.map(\.message).joined(separator: "; ")) }
        return parts.joined(separator: " ")
    }

    private func placed(_ outcome: Outcome<BookingView>, _ state: AppState) -> Action {
        let view = outcome.value
        return .succeeded("Placed \(view.statusText) \(view.uid) on \(view.resourceName) \(view.when(labelled: state.grid.zonesInPlay)).", warnings: outcome.warnings.map(\.message))
    }

    /// The actions an effect produces (terminal chores such as redraw return none).
    public func run(_ effect: Effect, state: AppState) -> [Action] {
        do {
            switch effect {
            case .loadResources:
                return [.resourcesLoaded(try session.gridResources())]
            case .loadWindow(let period):
                let nearby = state.grid.nearbyResources
                return [.windowLoaded(try session.gridWindow(resources: nearby, window: period), period, Set(nearby.map(\.uid)))]
            case .place(let resource, let interval, let status, let show, let note, let orHold):
                let outcome = try session.place(BookingPlacement(resource: resource, start: .instant(interval.start), end: .instant(interval.end),
                                                                 status: status, show: show, note: note, orHold: orHold))
                return [placed(outcome, state)]
            case .placeTyped(let resource, let start, let end, let status, let show, let note):
                let outcome = try session.place(BookingPlacement(resource: resource, start: .local(start), end: .local(end), status: status, show: show, note: note))
                return [placed(outcome, state)]
            case .placeSeries(let resource, let start, let end, let status, let show, let note, let rule, let skip):
                let placement = BookingPlacement(resource: resource, start: .local(start), end: .local(end), status: status, show: show, note: note)
                do {
                    let outcome = try session.placeSeries(placement, rule: rule, skipClashes: skip)
                    let skipped = outcome.value.skipped.isEmpty ? "" : "; skipped \(outcome.value.skipped.count) that clash: " + outcome.value.skipped.joined(separator: "; ")
                    return [.succeeded("Series \(outcome.value.series): \(Plural.count(outcome.value.occurrences.count, "occurrence"))\(skipped).", warnings: outcome.warnings.map(\.message))]
                } catch SlateError.refused(let violations, _) where !skip && !violations.isEmpty && violations.allSatisfy(\.isClash) {
                    // Offer the free occurrences, the clashing ones listed first (a plan).
                    let plan = try session.placeSeries(placement, rule: rule, skipClashes: true, plan: true)
                    return [.cascadePlanned(question: "\(Plural.count(violations.count, "occurrence")) \(violations.count == 1 ? "clashes" : "clash"). Place the other \(plan.value.occurrences.count) and skip them?",
                                            detail: violations.map(\.message).joined(separator: "; "),
                                            apply: .placeSeries(resource: resource, start: start, end: end, status: status, show: show, note: note, rule: rule, skipClashes: true))]
                }
            case .addShowSeries(let input, let rule):
                let outcome = try session.addShowSeries(input, rule: rule)
                return [.succeeded("Series \(outcome.value.series): \(Plural.count(outcome.value.occurrences.count, "draft show")) \(input.title).", warnings: outcome.warnings.map(\.message))]
            case .confirm(let uid, let version, let force):
                do {
                    let outcome = try session.confirm(uid, forceReason: force, expectedVersion: version)
                    let forced = force == nil ? "" : " (forced; the holds above were released)"
                    return [.succeeded("Confirmed \(uid) (\(outcome.value.resourceName) \(outcome.value.when(labelled: state.grid.zonesInPlay)))\(forced).", warnings: outcome.warnings.map(\.message))]
                } catch let error as SlateError where force == nil {
                    return [.confirmRefused(booking: uid, version: version, error)]
                }
            case .loadHistory(let uid):
                let lines = try session.history(of: uid).map { record in
                    "\(record["at"] ?? "")  \(record["user"] ?? "")  \(record["action"] ?? "")  \(record["changes"] ?? "")"
                }
                return [.historyLoaded(title: "History of \(uid)", lines: lines)]
            case .release(let uid, let version):
                _ = try session.release(uid, expectedVersion: version)
                return [.succeeded("Released \(uid); holds behind it moved up.", warnings: [])]
            case .cancel(let uid, let version):
                _ = try session.cancel(uid, expectedVersion: version)
                return [.succeeded("Cancelled \(uid); holds behind it moved up.", warnings: [])]
            case .cancelShow(let booking, let version):
                let outcome = try session.cancelShow(ofBooking: booking, expectedVersion: version)
                return [.succeeded("Cancelled show \(outcome.value) and its bookings.", warnings: [])]
            case .cancelSeries(let series, let scope):
                let outcome = try session.cancelSeries(series, scope: scope)
                return [.succeeded("Cancelled \(Plural.count(outcome.value.count, "occurrence")) of \(series) (u undoes it).", warnings: [])]
            case .retimeSeries(let series, let scope, let at, let minutes):
                let outcome = try session.retimeSeries(series, scope: scope, at: at, minutes: minutes)
                return [.succeeded("Moved \(Plural.count(outcome.value.count, "occurrence")) of \(series) to \(at) (u undoes it).", warnings: outcome.warnings.map(\.message))]
            case .challenge(let uid, let version):
                let outcome = try session.challenge(uid, expectedVersion: version)
                return [.succeeded("Challenged " + outcome.value.map { "\($0.uid) (\($0.holder))" }.joined(separator: ", ") + ".", warnings: [])]
            case .move(let uid, let interval, let version, let plan):
                let outcome = try session.move(uid, start: .instant(interval.start), end: .instant(interval.end), expectedVersion: version, plan: plan)
                if plan { return [.movePlanned(Self.preview(outcome))] }
                return [.succeeded("Moved \(uid) to \(outcome.value.when(labelled: state.grid.zonesInPlay)).", warnings: outcome.warnings.map(\.message))]
            case .loadTimeline:
                return [.timelineLoaded(try session.timeline())]
            case .editPhase(let uid, let edits, let cascade, let version, let plan):
                let outcome = try session.editPhase(uid, edits, cascade: cascade, expectedVersion: version, plan: plan)
                if plan { return [.phasePreviewed(Self.preview(outcome))] }
                let moved = outcome.value.isEmpty ? "" : " Moved: " + outcome.value.map(\.line).joined(separator: "; ") + "."
                return [.succeeded("Saved the phase." + moved, warnings: outcome.warnings.map(\.message))]
            case .askCascade(let uid, let edits, let version):
                let outcome = try session.editPhase(uid, edits, cascade: true, expectedVersion: version, plan: true)
                return [.cascadePlanned(question: "Apply the cascade: move \(Plural.count(outcome.value.count, "phase"))?",
                                        detail: Self.preview(outcome), apply: .editPhase(uid, edits, cascade: true, version: version, plan: false))]
            case .addPhase(let project, let name, let timing, let after):
                let outcome = try session.addPhase(project: project, name: name, timing: timing, after: after.map { [$0] } ?? [])
                return [.succeeded("Added \(name) (\(outcome.value)).", warnings: outcome.warnings.map(\.message))]
            case .addDependency(let predecessor, let successor, let kind, let lag):
                let outcome = try session.addDependency(predecessor: predecessor, successor: successor, kind: kind, lagDays: lag)
                return [.succeeded("Added the dependency (\(outcome.value)).", warnings: outcome.warnings.map(\.message))]
            case .assignPhase(let uid, let resource, let hold):
                let outcome = try session.assignPhase(uid, resource: resource, hold: hold)
                return [placed(outcome, state)]
            case .loadTasks(let grouping):
                let filter = grouping.filter(now: state.now)
                let tasks = try session.tasks(filter, limit: TaskGrouping.limit)
                return [.tasksLoaded(tasks, grouping, total: tasks.count < TaskGrouping.limit ? nil : try session.countTasks(filter))]
            case .completeTask(let uid, let value, let version):
                _ = try session.completeTask(uid, value: value, expectedVersion: version)
                return [.succeeded("Completed \(uid).", warnings: [])]
            case .reopenTask(let uid, let version):
                _ = try session.reopenTask(uid, expectedVersion: version)
                return [.succeeded("Reopened \(uid).", warnings: [])]
            case .setTaskValue(let uid, let value, let version):
                _ = try session.setTaskValue(uid, value: value, expectedVersion: version)
                return [.succeeded("Recorded the value of \(uid).", warnings: [])]
            case .assignTask(let uid, let login):
                _ = try session.assignTask(uid, to: login)
                return [.succeeded("Assigned \(uid) to \(login ?? "nobody").", warnings: [])]
            case .setTaskStatus(let uid, let status, let reason, let version):
                _ = try session.setTaskStatus(uid, to: status, reason: reason, expectedVersion: version)
                return [.succeeded("\(uid) is \(status.text).", warnings: [])]
            case .setShowStatus(let uid, let status):
                do {
                    _ = try session.setShowStatus(uid, to: status)
                    return [.succeeded("Show \(uid) is \(status.rawValue).", warnings: [])]
                } catch let error as SlateError {
                    guard case .refused(let violations, _) = error, violations.contains(where: { $0.kind == .openRequiredTasks }) else { throw error }
                    return [.showBlocked(error.description.replacingOccurrences(of: "\n", with: " "), tasks: violations.compactMap(\.otherUID))]
                }
            case .loadTemplates:
                return [.templatesLoaded(try session.templates())]
            case .addTemplate(let name):
                let outcome = try session.addTemplate(name: name)
                return [.succeeded("Added template \(name) (\(outcome.value)).", warnings: [])]
            case .addTemplateItem(let template, let input):
                let outcome = try session.addTemplateItem(template: template, title: input.title ?? "", type: input.type ?? .other, input: input.input ?? .text,
                                                          required: input.required ?? false, dueOffset: input.dueOffset ?? 0, dueFrom: input.dueFrom ?? .start,
                                                          assignee: input.assignee ?? "")
                return [.succeeded("Added item \(input.title ?? "") (\(outcome.value)).", warnings: [])]
            case .editTemplateItem(let uid, let input, let version):
                _ = try session.editTemplateItem(uid, input, expectedVersion: version)
                return [.succeeded("Changed \(uid); tasks already generated keep what they were.", warnings: [])]
            case .deleteTemplateItem(let uid):
                _ = try session.deleteTemplateItem(uid)
                return [.succeeded("Removed \(uid) from its template.", warnings: [])]
            case .setTemplateActive(let uid, let active):
                _ = try session.editTemplate(uid, active: active)
                return [.succeeded("\(uid) is \(active ? "active" : "inactive").", warnings: [])]
            case .loadSchedules:
                return [.schedulesLoaded(try session.schedules())]
            case .loadBoard(let uid):
                return [.boardLoaded(try session.board(schedule: uid))]
            case .addSchedule(let client, let name, let studio):
                let outcome = try session.addSchedule(studio: studio, client: client, name: name)
                return [.added(schedule: outcome.value, show: nil), .succeeded("Added schedule \(name) (\(outcome.value)); n adds its first draft.", warnings: [])]
            case .addShow(let input):
                let outcome = try session.addShow(input)
                return [.added(schedule: nil, show: outcome.value), .succeeded("Added draft \(input.title) (\(outcome.value)); it reserves nothing until confirmed.",
                                                                            warnings: outcome.warnings.map(\.message))]
            case .editShow(let uid, let edit, let version):
                let outcome = try session.editShow(uid, edit, expectedVersion: version)
                return [.succeeded("Saved show \(uid) as one change (u undoes it).", warnings: outcome.warnings.map(\.message))]
            case .copyShow(let uid, let day):
                let outcome = try session.copyShow(uid, toDay: day)
                return [.added(schedule: nil, show: outcome.value), .succeeded("Pasted a copy on \(day) (\(outcome.value)).", warnings: outcome.warnings.map(\.message))]
            case .deleteShow(let uid, let version):
                _ = try session.deleteShow(uid, expectedVersion: version)
                return [.succeeded("Deleted draft \(uid).", warnings: [])]
            case .shiftShows(let uids, let days, let minutes):
                let outcome = try session.shiftShows(uids, days: days, minutes: minutes)
                return [.succeeded("Moved " + outcome.value.joined(separator: "; ") + ".", warnings: outcome.warnings.map(\.message))]
            case .suggestSlots(let show, let version):
                return [.slotsSuggested(show: show, version: version, try session.suggestSlots(show: show))]
            case .setScheduleStatus(let uid, let status):
                let outcome = try session.setScheduleStatus(uid, to: status)
                let done: String = switch status {
                case .proposed: "Proposed \(uid) to the client."
                case .draft: "\(uid) is a draft again."
                case .confirmed: "Confirmed \(uid): its shows are booked and their tasks made (u undoes it in one step)."
                case .archived: "Archived \(uid)."
                case .cancelled: "Cancelled \(uid) and its drafts."
                }
                return [.succeeded(done, warnings: outcome.warnings.map(\.message))]
            case .planConfirmation(let uid):
                return [.confirmationPlanned(try session.confirmationPlan(schedule: uid))]
            case .loadCard(let uid, let edit):
                return [.cardLoaded(try session.showCard(uid), edit: edit)]
            case .loadDashboard:
                return [.dashboardLoaded(try session.dashboard())]
            case .loadInvoice(let uid):
                return [.invoiceLoaded(try session.invoice(uid))]
            case .loadTagged(let tag):
                return [.taggedLoaded(tag, Set(try session.tagged(tag).map(\.uid)))]
            case .loadDirectory:
                return [.directoryLoaded(try session.directory())]
            case .loadRecordCard(let uid):
                return [.recordCardLoaded(try session.recordCard(uid))]
            case .search(let text):
                return [.resultsLoaded(searchResults(text, try session.search(text)))]
            case .matchTalent(let query):
                let matches = try session.matchTalent(query)
                let asked = (query.skills + query.styles).joined(separator: ",")
                return [.resultsLoaded(DirectoryResults(title: "Talent for \(asked): \(matches.count), best first · Enter card · b book · Esc closes",
                                                        items: matches.isEmpty ? [.heading("Nobody has any of those skills.")] : matches.map { .match($0) },
                                                        window: matches.first?.window, slotLength: query.duration))]
            case .matchJob(let uid):
                let matches = try session.matchJob(uid)
                return [.resultsLoaded(DirectoryResults(title: "Talent for job \(uid): \(matches.count), best first · b fills the job · Esc closes",
                                                        items: matches.isEmpty ? [.heading("Nobody has any of its skills.")] : matches.map { .match($0) },
                                                        window: matches.first?.window, job: uid))]
            case .directory(let write):
                return [.succeeded(try Self.write(session, write, labelled: state.grid.zonesInPlay), warnings: [])]
            case .directoryBatch(let writes):
                return [.succeeded(try writes.map { try Self.write(session, $0, labelled: state.grid.zonesInPlay) }.joined(separator: " "), warnings: [])]
            case .undo:
                let outcome = try session.undo()
                return [.succeeded("Undone: \(outcome.value.summary)", warnings: [])]
            case .redo:
                let outcome = try session.redo()
                return [.succeeded("Redone: \(outcome.value.summary)", warnings: [])]
            case .setTheme, .redraw, .quit:
                return []
            }
        } catch let error as SlateError {
            if case .editPhase(_, _, _, _, true) = effect { return [.phasePreviewed(error.description.replacingOccurrences(of: "\n", with: " "))] }
            if case .move(_, _, _, true) = effect {
                switch error {
                case .refused(let violations, _): return [.movePlanned("Clash: " + violations.map(\.message).joined(separator: "; "))]
                case .stale(let message): return [.movePlanned("Changed meanwhile by someone else: \(message)")]
                default: return [.movePlanned(error.description)]
                }
            }
            return [.failed(error)]
        } catch {
            return [.failed(.storage("\(error)"))]
        }
    }

    /// Runs a directory write; the status line's words.
    /// With `labelled`, times name their zone (several are in play).
    static func write(_ session: Session, _ write: DirectoryWrite, labelled: Bool) throws -> String {
        switch write {
        case .addTalent(let input):
            return "Added \(input.name) (\(try session.addTalent(input).value))."
        case .editTalent(let uid, let changes, let version):
            return "Saved \(try session.editTalent(uid, changes, expectedVersion: version).value)."
        case .addClient(let studio, let name, let fields):
            let field = { fields.fields[$0] ?? "" }
            let uid = try session.addClient(studio: studio, name: name, contact: field("contact"), email: field("email"), tier: field("tier"),
                                            preferences: field("preferences"), notes: field("notes")).value
            return "Added client \(name) (\(uid))."
        case .editClient(let uid, let changes, let version):
            return "Saved \(try session.editClient(uid, changes, expectedVersion: version).value)."
        case .addRoom(let studio, let name, let capacity, let notes):
            return "Added room \(name) (\(try session.addRoom(studio: studio, name: name, capacity: capacity, equipmentNotes: notes).value))."
        case .addEquipment(let studio, let name, let category, let serial):
            return "Added \(name) (\(try session.addEquipment(studio: studio, name: name, category: category, serial: serial).value))."
        case .editResource(let uid, let changes, let version):
            return "Saved \(try session.editResource(uid, changes, expectedVersion: version).value)."
        case .addPlatform(let name, let url):
            return "Added platform \(name) (\(try session.addPlatform(name: name, url: url).value))."
        case .editPlatform(let uid, let changes):
            return "Saved \(try session.editPlatform(uid, changes).value)."
        case .addStudio(let name, let zone, let hours):
            return "Added studio \(name) (\(try session.addStudio(name: name, timeZone: zone, openingHours: hours).value)); you are its admin."
        case .editStudio(let uid, let name, let hours, let version):
            return "Saved \(try session.editStudio(uid, name: name, openingHours: hours, expectedVersion: version).value)."
        case .addMaterial(let client, let kind, let title, let body):
            return "Added \(title) (\(try session.addMaterial(client: client, kind: kind, title: title, body: body).value))."
        case .reviseMaterial(let uid, let title, let body):
            return "\(uid) is at revision \(try session.reviseMaterial(uid, title: title, body: body).value); the old text is kept."
        case .delete(let uid, let version):
            switch PublicID.table(ofUID: uid) {
            case "clients": _ = try session.deleteClient(uid, expectedVersion: version)
            case "platforms": _ = try session.deletePlatform(uid, expectedVersion: version)
            case "job_listings": return "Closed \(try session.closeJob(uid).value)."
            case "materials": _ = try session.deleteMaterial(uid, expectedVersion: version)
            case "studios": _ = try session.deleteStudio(uid, expectedVersion: version)
            default: _ = try session.deleteResource(uid, expectedVersion: version)
            }
            return "Deleted \(uid) (u undoes it)."
        case .log(let about, let kind, let subject, let body):
            return "Logged \(kind.rawValue) \(try session.logCommunication(about: about, kind: kind, subject: subject, body: body).value)."
        case .comment(let on, let body, let replyTo):
            return "Commented (\(try session.addComment(on: on, body: body, replyTo: replyTo).value))."
        case .tag(let uid, let names):
            return "Tagged \(uid): \(try session.tag(uid, names).value.joined(separator: ", "))."
        case .untag(let uid, let names):
            return "Took \(try session.untag(uid, names).value.joined(separator: ", ")) off \(uid)."
        case .addJob(let project, let title, let skills, let from, let to, let rate):
            return "Opened job \(title) (\(try session.addJob(project: project, title: title, skills: [skills], from: .local(from), to: .local(to), rateMinor: rate).value))."
        case .fillJob(let job, let talent):
            let booking = try session.fillJob(job, talent: talent).value
            return "Filled \(job): \(booking.resourceName) booked \(booking.when(labelled: labelled)) (\(booking.uid))."
        }
    }
}
