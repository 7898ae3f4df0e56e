using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Mvc;

namespace Chat.Tests.Support;

// FsCheck generators of arguments a hub method does not expect: wrong types, nulls, long strings around the limits,
// lone surrogates and control characters, deep nesting, request objects with their own field names holding the
// wrong things, and one argument too few or too many. Every value stays under the hub's 16 KB message limit and
// SignalR's JSON reader depth (64): a message beyond either cannot be read at all, and the server closes that
// connection (HubFuzzTests checks that separately).
public static class HostilePayloads
{
    public sealed record Call(string Method, object?[] Args)
    {
        public override string ToString()
        {
            var text = JsonSerializer.Serialize(Args);
            return $"{Method}({(text.Length > 300 ? text[..300] + "…" : text)})";
        }
    }

    // The methods a client may call on the hub: its own public ones.
    // As SignalR sees them: an override of Hub's own (OnConnectedAsync) is not a method a client can call.
    public static IEnumerable<MethodInfo> HubMethods(Type hub) =>
        hub.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == hub);

    // The hub's own methods and the parameters a caller fills in.
    public static IReadOnlyList<(string Name, Type[] Parameters)> MethodsOf(Type hub) =>
        HubMethods(hub)
            .Select(m => (m.Name, m.GetParameters().Where(p => p.GetCustomAttribute<FromServicesAttribute>() is null).Select(p => p.ParameterType).ToArray()))
            .ToList();

    // `perMethod` generated calls of each method of the hub.
    public static IReadOnlyList<Call> Calls(Type hub, int perMethod) =>
        [.. MethodsOf(hub).SelectMany(method => Arguments(method.Parameters).Select(args => new Call(method.Name, args)).Sample(100, perMethod))];

    private static Gen<object?[]> Arguments(Type[] parameters)
    {
        var counts = new[] { parameters.Length, parameters.Length, parameters.Length, parameters.Length + 1, Math.Max(0, parameters.Length - 1) };
        return Gen.Elements(counts).SelectMany(count =>
            Gen.CollectToArray(Enumerable.Range(0, count), i => Value(i < parameters.Length ? parameters[i] : typeof(object))))
            .Where(args => Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(args)) < 14_000);
    }

    // A value that is not what a parameter of this type should get (null and odd strings included).
    private static Gen<object?> Value(Type type) => Gen.Frequency(
        (2, Gen.Constant<object?>(null)),
        (2, Gen.Choose(-5, 5).Select(n => (object?)(n * 1_000_000_007L))),
        (1, Gen.Elements<object?>(double.MaxValue, -0.5, 1e-300, true, false)),
        (3, Text()),
        (2, Shape(type)),
        (1, Gen.Choose(10, 50).Select(depth => (object?)Nested(depth))),
        (1, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Text(), n)).Select(a => (object?)a)));

    private static Gen<object?> Text() => Gen.OneOf(
        Gen.Elements(1999, 2000, 2001, 4001, 7000).Select(n => (object?)new string('x', n)),
        Gen.Elements("\ud800", "a\udfffb", "\udc00\ud800", "hej\u0000då", "\u001b[31m", "\u202Eevil", "${7*7}", "<script>window.__xss=1</script>", "", "   ")
            .Select(s => (object?)Raw(Escape(s))),
        Gen.Elements("undefined", "null", "NaN", "-1", "9999999999999999999999", "../../etc/passwd", "*", "conv:{x}").Select(s => (object?)s));

    // A request record's own field names, each given something of the wrong kind; or a stranger's fields.
    private static Gen<object?> Shape(Type type)
    {
        var names = Nullable.GetUnderlyingType(type) is { } inner ? inner.GetProperties() : type.GetProperties();
        var fields = names.Where(p => p.CanRead).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).DefaultIfEmpty("x").ToArray();
        return Gen.ArrayOf(Gen.Elements<object?>(null, 42, true, new[] { 1, 2 }, new Dictionary<string, object?> { ["a"] = 1 }, "\u0000", new string('y', 3000)), fields.Length)
            .Select(values => (object?)fields.Zip(values).ToDictionary(p => p.First, p => p.Second));
    }

    // Arrays and objects inside each other, deeper than any reader should follow.
    public static RawJson Nested(int depth) =>
        Raw(string.Concat(Enumerable.Range(0, depth).Select(i => i % 2 == 0 ? "[" : "{\"a\":")) + "1"
            + string.Concat(Enumerable.Range(0, depth).Reverse().Select(i => i % 2 == 0 ? "]" : "}")));

    private static RawJson Raw(string json) => new(json);

    // JSON text written into the message as it is, unchecked: a lone surrogate stays an escaped lone surrogate, and
    // nesting is as deep as it was written (System.Text.Json would refuse to write either).
    [JsonConverter(typeof(Writer))]
    public sealed record RawJson(string Json)
    {
        public override string ToString() => Json;

        private sealed class Writer : JsonConverter<RawJson>
        {
            public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();
            public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) => writer.WriteRawValue(value.Json, skipInputValidation: true);
        }
    }

    // A JSON string literal with every character escaped as \uXXXX, so a lone surrogate reaches the server as one.
    private static string Escape(string text) => "\"" + string.Concat(text.Select(c => $"\\u{(int)c:x4}")) + "\"";
}
