/// A count with its noun, singular for one: "1 show", "3 shows", "2 clashes" (what the
/// log, messages and plans say instead of "show(s)").
public enum Plural {
    public static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? (noun.hasSuffix("sh") || noun.hasSuffix("ch") || noun.hasSuffix("s") || noun.hasSuffix("x") ? noun + "es" : noun + "s"))
    }
}
