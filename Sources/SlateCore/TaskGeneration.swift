/// One item of a studio's task template.
public struct TemplateItemInfo: Sendable, Equatable {
    public var id: Int64
    public var title: String
    public var itemType: TaskItemType
    public var inputType: TaskInputType
    public var required: Bool
    /// Seconds relative to the show's start or end (negative = before).
    public var dueOffset: Int64
    public var dueFrom: DueAnchor
    /// A member's login, `talent` (the talent a review is about), or "" (nobody yet).
    public var defaultAssignee: String

    public init(id: Int64, title: String, itemType: TaskItemType, inputType: TaskInputType, required: Bool, dueOffset: Int64,
                dueFrom: DueAnchor = .start, defaultAssignee: String = "") {
        self.id = id
        self.title = title
        self.itemType = itemType
        self.inputType = inputType
        self.required = required
        self.dueOffset = dueOffset
        self.dueFrom = dueFrom
        self.defaultAssignee = defaultAssignee
    }
}

/// A task to create for a confirmed show.
public struct GeneratedTask: Sendable, Equatable, Hashable {
    public var templateItemID: Int64
    public var showTalentID: Int64?
    public var showPlatformID: Int64?
    public var title: String
    public var itemType: TaskItemType
    public var inputType: TaskInputType
    public var required: Bool
    public var dueAt: Int64
    /// Who it goes to, as the template item says (`talent`, a login, or "").
    public var defaultAssignee: String

    /// The identity that makes generation idempotent.
    public var key: TaskKey { TaskKey(templateItemID: templateItemID, showTalentID: showTalentID, showPlatformID: showPlatformID) }
}

/// Identity of a generated task within its show.
public struct TaskKey: Sendable, Hashable {
    public var templateItemID: Int64
    public var showTalentID: Int64?
    public var showPlatformID: Int64?

    public init(templateItemID: Int64, showTalentID: Int64?, showPlatformID: Int64?) {
        self.templateItemID = templateItemID
        self.showTalentID = showTalentID
        self.showPlatformID = showPlatformID
    }
}

/// Rule 9: tasks generated when a show is confirmed.
public enum TaskGeneration {
    /// The tasks a show needs that it does not have yet: one per template item, one per
    /// show talent for `show_mc_review`, one per show platform for `show_platform_review`.
    public static func tasks(
        showStart: Int64,
        showEnd: Int64,
        items: [TemplateItemInfo],
        talent: [(id: Int64, name: String)],
        platforms: [(id: Int64, name: String)],
        existing: Set<TaskKey>
    ) -> [GeneratedTask] {
        var result: [GeneratedTask] = []
        for item in items {
            func add(_ title: String, talentID: Int64? = nil, platformID: Int64? = nil) {
                let task = GeneratedTask(templateItemID: item.id, showTalentID: talentID, showPlatformID: platformID, title: String(title.prefix(TextInput.maxNameLength)),
                                         itemType: item.itemType, inputType: item.inputType, required: item.required,
                                         dueAt: (item.dueFrom == .end ? showEnd : showStart) + item.dueOffset, defaultAssignee: item.defaultAssignee)
                if !existing.contains(task.key) { result.append(task) }
            }
            switch item.itemType {
            case .showMCReview:
                for person in talent { add("\(item.title): \(person.name)", talentID: person.id) }
            case .showPlatformReview:
                for platform in platforms { add("\(item.title): \(platform.name)", platformID: platform.id) }
            default:
                add(item.title)
            }
        }
        return result
    }
}
