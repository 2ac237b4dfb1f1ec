import SlateCore
import SlateStore

/// A write the directory asks for; the effect runner calls the library with it.
public enum DirectoryWrite: Equatable, Sendable {
    case addTalent(TalentInput)
    case editTalent(String, TalentChanges, version: Int)
    case addClient(studio: String?, name: String, fields: RecordChanges)
    case editClient(String, RecordChanges, version: Int)
    case addRoom(studio: String?, name: String, capacity: Int, notes: String)
    case addEquipment(studio: String?, name: String, category: String, serial: String)
    case editResource(String, RecordChanges, version: Int)
    case addPlatform(name: String, url: String)
    case editPlatform(String, RecordChanges)
    case addStudio(name: String, timeZone: String, hours: String)
    case editStudio(String, name: String?, hours: String?, version: Int)
    case addMaterial(client: String, kind: MaterialKind, title: String, body: String)
    case reviseMaterial(String, title: String?, body: String?)
    case delete(String, version: Int?)
    case log(about: String, kind: CommunicationKind, subject: String, body: String)
    case comment(on: String, body: String, replyTo: String?)
    case tag(String, [String])
    case untag(String, [String])
    case addJob(project: String, title: String, skills: String, from: String, to: String, rateMinor: Int64)
    case fillJob(String, talent: String)
}

/// What a directory form is for.
public enum DirectoryFormPurpose: Equatable, Sendable {
    case new(DirectoryTab)
    /// An edit of the record under the cursor, with the version seen.
    case edit(DirectoryTab, uid: String, version: Int?)
    case log(about: String, name: String)
    case comment(on: String, name: String)
    case tags(on: String, name: String, current: [String])
    case match
}

/// The directory's form: new and edited records, a communication, a comment, tags, a match.
public struct DirectoryForm: Equatable, Sendable, ScreenForm {
    public var purpose: DirectoryFormPurpose
    public var form: FormState
    public var problem = ""
    /// The values the form opened with (an edit sends only what changed).
    var original: [String: String] = [:]

    public init(_ purpose: DirectoryFormPurpose, _ fields: [FormField]) {
        self.purpose = purpose
        form = FormState(fields)
        original = Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    var title: String {
        switch purpose {
        case .new(let tab): "New \(tab.singular)"
        case .edit(let tab, let uid, _): "Edit \(tab.singular) \(uid)"
        case .log(_, let name): "Log a communication about \(name)"
        case .comment(_, let name): "Comment on \(name)"
        case .tags(_, let name, _): "Tags of \(name)"
        case .match: "Find talent: skills first, then availability, then rating"
        }
    }

    var help: [String] {
        switch purpose {
        case .new(.talent), .edit(.talent, _, _): ["Skills and languages: commas between, a level 1-5 after a colon (hosting:4, French:5)."]
        case .new(.jobs): ["Times are local to the project's studio (2026-12-03T09:00)."]
        case .comment: ["@login mentions someone; Reply to takes a comment id (cm-…) from the card."]
        case .tags: ["The whole list: a tag left out is taken off; a new one is made for the record's studio."]
        case .match: ["Skills or languages with commas; From/To (local) and For (2h, 90m) are optional."]
        default: []
        }
    }

    static func choice(_ name: String, _ value: String, _ options: [String]) -> FormField {
        FormField(name, value, kind: .choice(options, shown: options))
    }

    /// A form for a new record of a tab.
    static func new(_ tab: DirectoryTab) -> DirectoryForm {
        let fields: [FormField] = switch tab {
        case .talent: [FormField("Name"), FormField("Studio"), choice("Role", "host", TalentRole.allCases.map(\.rawValue)), FormField("Skills"), FormField("Languages"),
                       FormField("Styles"), FormField("Rate"), FormField("Contact")]
        case .clients: [FormField("Name"), FormField("Studio"), FormField("Tier"), FormField("Contact"), FormField("Email"), FormField("Preferences"), FormField("Notes")]
        case .rooms: [FormField("Name"), FormField("Studio"), FormField("Capacity", "0"), FormField("Notes")]
        case .equipment: [FormField("Name"), FormField("Studio"), FormField("Category"), FormField("Serial")]
        case .platforms: [FormField("Name"), FormField("URL")]
        case .studios: [FormField("Name"), FormField("Time zone", "Europe/Paris"), FormField("Opening hours")]
        case .materials: [FormField("Title"), FormField("Client"), choice("Kind", "brief", MaterialKind.allCases.map(\.rawValue)), FormField("Body")]
        case .jobs: [FormField("Title"), FormField("Project"), FormField("Skills"), FormField("From", kind: .dateTime), FormField("To", kind: .dateTime), FormField("Rate")]
        }
        return DirectoryForm(.new(tab), fields)
    }

    /// A form editing the record of `uid` as the directory lists it; nil for records not edited here.
    static func edit(_ tab: DirectoryTab, _ uid: String, in directory: Directory) -> DirectoryForm? {
        switch tab {
        case .talent:
            guard let t = directory.talent.first(where: { $0.uid == uid }) else { return nil }
            return DirectoryForm(.edit(tab, uid: uid, version: t.version), [
                FormField("Name", t.name), FormField("Alias", t.alias), choice("Role", t.role.rawValue, TalentRole.allCases.map(\.rawValue)),
                FormField("Skills", t.skills.joined(separator: ",")), FormField("Languages", t.languages.joined(separator: ",")),
                FormField("Styles", t.styleTags.joined(separator: ",")), FormField("Rate", Money.plain(t.rateMinor.minor)), FormField("Contact", t.contact),
                choice("Banned", t.banned ? "yes" : "no", ["no", "yes"]), FormField("Ban reason", t.banReason),
            ])
        case .clients:
            guard let c = directory.clients.first(where: { $0.uid == uid }) else { return nil }
            return DirectoryForm(.edit(tab, uid: uid, version: c.version), [
                FormField("Name", c.name), FormField("Tier", c.tier), FormField("Contact", c.contact), FormField("Email", c.email),
                FormField("Preferences", c.preferences), FormField("Notes", c.notes),
            ])
        case .rooms:
            guard let r = directory.rooms.first(where: { $0.uid == uid }) else { return nil }
            return DirectoryForm(.edit(tab, uid: uid, version: r.version), [FormField("Name", r.name), FormField("Capacity", String(r.capacity)), FormField("Notes", r.equipmentNotes)])
        case .equipment:
            guard let e = directory.equipment.first(where: { $0.uid == uid }) else { return nil }
            return DirectoryForm(.edit(tab, uid: uid, version: e.version), [FormField("Name", e.name), FormField("Category", e.category), FormField("Serial", e.serial)])
        case .platforms:
            guard let p = directory.platforms.first(where: { $0.uid == uid }) else { return nil }
            return DirectoryForm(.edit(tab, uid: uid, version: nil), [FormField("Name", p.name), FormField("URL", p.url)])
        case .studios:
            guard let studio = directory.studios.first(where: { $0.uid == uid }) else { return nil }
            return DirectoryForm(.edit(tab, uid: uid, version: studio.version), [FormField("Name", studio.name), FormField("Opening hours", studio.openingHours)])
        case .materials:
            guard let m = directory.materials.first(where: { $0.uid == uid }) else { return nil }
            return DirectoryForm(.edit(tab, uid: uid, version: nil), [FormField("Title", m.title), FormField("Body")])
        case .jobs:
            return nil
        }
    }

    /// The fields whose values changed, by their lowercased names.
    private func changed(_ names: [String: String]) -> RecordChanges {
        RecordChanges(Dictionary(uniqueKeysWithValues: names.compactMap { field, key in
            form[field] == original[field] ? nil : (key, form[field].trimmingWhitespace())
        }))
    }

    private func text(_ name: String) -> String { form[name].trimmingWhitespace() }
    private func optional(_ name: String) -> String? { text(name).isEmpty ? nil : text(name) }

    /// What the form asks for when submitted, or what is wrong.
    func submission() throws -> Effect {
        switch purpose {
        case .new(let tab):
            return .directory(try newRecord(tab))
        case .edit(let tab, let uid, let version):
            return .directory(try edit(tab, uid, version))
        case .log(let about, _):
            guard !text("Subject").isEmpty || !text("Body").isEmpty else { throw SlateError.invalidInput("give a subject or a body") }
            return .directory(.log(about: about, kind: CommunicationKind(rawValue: form["Kind"]) ?? .note, subject: text("Subject"), body: text("Body")))
        case .comment(let on, _):
            return .directory(.comment(on: on, body: text("Comment"), replyTo: optional("Reply to")))
        case .tags(let on, _, let current):
            let wanted = commaList(form["Tags"])
            let added = wanted.filter { tag in !current.contains { $0.lowercased() == tag.lowercased() } }
            let removed = current.filter { tag in !wanted.contains { $0.lowercased() == tag.lowercased() } }
            guard !added.isEmpty || !removed.isEmpty else { throw SlateError.invalidInput("nothing changed (Esc closes)") }
            return removed.isEmpty ? .directory(.tag(on, added)) : added.isEmpty ? .directory(.untag(on, removed)) : .directoryBatch([.untag(on, removed), .tag(on, added)])
        case .match:
            let duration = try optional("For").map(DurationText.seconds)
            return .matchTalent(TalentQuery(skills: [form["Skills"]], styles: commaList(form["Styles"]), from: optional("From").map(When.local),
                                            to: optional("To").map(When.local), duration: duration, studio: optional("Studio"), limit: 50))
        }
    }

    private func newRecord(_ tab: DirectoryTab) throws -> DirectoryWrite {
        switch tab {
        case .talent:
            return .addTalent(TalentInput(studio: optional("Studio"), name: form["Name"], role: TalentRole(rawValue: form["Role"]) ?? .host, skills: [form["Skills"]],
                                          styles: [form["Styles"]], rateMinor: try Money.minorUnits(optional("Rate") ?? "0"), languages: [form["Languages"]], contact: text("Contact")))
        case .clients:
            let extra = ["tier": text("Tier"), "preferences": text("Preferences"), "notes": text("Notes"), "contact": text("Contact"), "email": text("Email")].filter { !$0.value.isEmpty }
            return .addClient(studio: optional("Studio"), name: form["Name"], fields: RecordChanges(extra))
        case .rooms:
            guard let capacity = Int(text("Capacity").isEmpty ? "0" : text("Capacity")), capacity >= 0 else { throw SlateError.invalidInput("Capacity: a whole number, 0 or more") }
            return .addRoom(studio: optional("Studio"), name: form["Name"], capacity: capacity, notes: text("Notes"))
        case .equipment:
            return .addEquipment(studio: optional("Studio"), name: form["Name"], category: text("Category"), serial: text("Serial"))
        case .platforms:
            return .addPlatform(name: form["Name"], url: text("URL"))
        case .studios:
            return .addStudio(name: form["Name"], timeZone: text("Time zone"), hours: text("Opening hours"))
        case .materials:
            return .addMaterial(client: text("Client"), kind: MaterialKind(rawValue: form["Kind"]) ?? .brief, title: form["Title"], body: form["Body"])
        case .jobs:
            return .addJob(project: text("Project"), title: form["Title"], skills: form["Skills"], from: text("From"), to: text("To"),
                           rateMinor: try Money.minorUnits(optional("Rate") ?? "0"))
        }
    }

    private func edit(_ tab: DirectoryTab, _ uid: String, _ version: Int?) throws -> DirectoryWrite {
        switch tab {
        case .talent:
            func changedValue(_ name: String) -> String? { form[name] == original[name] ? nil : form[name] }
            let banned = changedValue("Banned").map { $0 == "yes" } ?? (changedValue("Ban reason") != nil && form["Banned"] == "yes" ? true : nil)
            let changes = TalentChanges(name: changedValue("Name"), alias: changedValue("Alias"), role: changedValue("Role").flatMap(TalentRole.init(rawValue:)),
                                        skills: changedValue("Skills").map { [$0] }, styles: changedValue("Styles").map { [$0] },
                                        rateMinor: try changedValue("Rate").map { try Money.minorUnits($0) }, banned: banned,
                                        languages: changedValue("Languages").map { [$0] }, contact: changedValue("Contact"), banReason: form["Ban reason"])
            guard changes != TalentChanges(banReason: form["Ban reason"]) else { throw SlateError.invalidInput("nothing changed (Esc closes)") }
            return .editTalent(uid, changes, version: version ?? 0)
        case .clients:
            let changes = changed(["Name": "name", "Tier": "tier", "Contact": "contact", "Email": "email", "Preferences": "preferences", "Notes": "notes"])
            guard !changes.fields.isEmpty else { throw SlateError.invalidInput("nothing changed (Esc closes)") }
            return .editClient(uid, changes, version: version ?? 0)
        case .rooms, .equipment:
            let changes = changed(tab == .rooms ? ["Name": "name", "Capacity": "capacity", "Notes": "notes"] : ["Name": "name", "Category": "category", "Serial": "serial"])
            guard !changes.fields.isEmpty else { throw SlateError.invalidInput("nothing changed (Esc closes)") }
            return .editResource(uid, changes, version: version ?? 0)
        case .platforms:
            let changes = changed(["Name": "name", "URL": "url"])
            guard !changes.fields.isEmpty else { throw SlateError.invalidInput("nothing changed (Esc closes)") }
            return .editPlatform(uid, changes)
        case .studios:
            let name = form["Name"] == original["Name"] ? nil : form["Name"]
            let hours = form["Opening hours"] == original["Opening hours"] ? nil : text("Opening hours")
            guard name != nil || hours != nil else { throw SlateError.invalidInput("nothing changed; the time zone stays (Esc closes)") }
            return .editStudio(uid, name: name, hours: hours, version: version ?? 0)
        case .materials:
            let title = form["Title"] == original["Title"] ? nil : form["Title"]
            let body = text("Body").isEmpty ? nil : form["Body"]
            guard title != nil || body != nil else { throw SlateError.invalidInput("nothing changed; a new Body makes a new revision (Esc closes)") }
            return .reviseMaterial(uid, title: title, body: body)
        case .jobs:
            throw SlateError.invalidInput("a job listing is filled or closed, not edited")
        }
    }
}

extension DirectoryTab {
    var singular: String {
        switch self {
        case .talent: "talent"
        case .clients: "client"
        case .rooms: "room"
        case .equipment: "equipment"
        case .platforms: "platform"
        case .studios: "studio"
        case .materials: "material"
        case .jobs: "job listing"
        }
    }
}
