using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Microfinance.Api.Tests.Fuzz;

/// <summary>
/// Builds request payloads for any message type by reflection over its descriptor: plausible
/// messages, plausible ones with a few fields turned hostile, wholly hostile ones, and bytes that
/// are not a valid message of the type at all.
/// </summary>
public sealed class FuzzRequests(FuzzValues values)
{
    private const int MaxDepth = 4;

    /// <summary>One payload for a request of <paramref name="type"/>.</summary>
    public byte[] Next(MessageDescriptor type) => values.Next(10) switch
    {
        < 4 => Plausible(type).ToByteArray(),
        < 8 => Mutated(Plausible(type)).ToByteArray(),
        8 => Hostile(type, depth: 0).ToByteArray(),
        _ => Malformed(type),
    };

    /// <summary>A message whose fields mostly hold values a valid request would.</summary>
    public IMessage Plausible(MessageDescriptor type, int depth = 0) => Build(type, depth, hostile: false);

    /// <summary><paramref name="message"/> with one to three of its fields, at any depth, made hostile.</summary>
    public IMessage Mutated(IMessage message)
    {
        var fields = new List<(IMessage Owner, FieldDescriptor Field)>();
        CollectFields(message, fields);
        for (var i = 1 + values.Next(3); i > 0 && fields.Count > 0; i--)
        {
            var (owner, field) = values.Pick(fields);
            Set(owner, field, hostile: true, depth: MaxDepth);
        }

        return message;
    }

    /// <summary>
    /// Sets <paramref name="value"/> in every field named <paramref name="name"/> of
    /// <paramref name="message"/>, at any depth, filling in the messages on the way.
    /// </summary>
    /// <returns>How many fields were set.</returns>
    public static int SetAll(IMessage message, string name, object value)
    {
        var set = 0;
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder().Where(f => !f.IsRepeated))
        {
            if (field.Name == name)
            {
                field.Accessor.SetValue(message, value);
                set++;
            }
            else if (field.FieldType == FieldType.Message && field.MessageType.FullName.StartsWith("microfinance.", StringComparison.Ordinal))
            {
                var child = (IMessage?)field.Accessor.GetValue(message) ?? field.MessageType.Parser.ParseFrom(ByteString.Empty);
                if (SetAll(child, name, value) > 0)
                {
                    field.Accessor.SetValue(message, child);
                    set++;
                }
            }
        }

        return set;
    }

    /// <summary>Bytes that break the protobuf encoding: truncated, over-long, wrongly tagged or random.</summary>
    public byte[] Malformed(MessageDescriptor type)
    {
        var valid = Plausible(type).ToByteArray();
        return values.Next(7) switch
        {
            0 when valid.Length > 1 => valid[..values.Next(1, valid.Length)],
            1 => [0x0A, 0x7F, 0x61],
            2 => [0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
            3 => [0x00, 0x01],
            4 => [.. valid, (byte)(0x0E + 8 * values.Next(1, 15))],
            5 => [(byte)(0x0B + 8 * values.Next(1, 15)), 0x01],
            _ => values.Bytes(64),
        };
    }

    private IMessage Hostile(MessageDescriptor type, int depth) => Build(type, depth, hostile: true);

    private IMessage Build(MessageDescriptor type, int depth, bool hostile)
    {
        var message = type.Parser.ParseFrom(ByteString.Empty);
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            if (!values.Chance(0.1))
            {
                Set(message, field, hostile, depth);
            }
        }

        return message;
    }

    private void Set(IMessage owner, FieldDescriptor field, bool hostile, int depth)
    {
        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(owner);
            list.Clear();
            for (var n = values.Chance(0.05) ? 50 : values.Next(4); n > 0; n--)
            {
                list.Add(Value(field, hostile, depth));
            }
        }
        else
        {
            field.Accessor.SetValue(owner, Value(field, hostile, depth));
        }
    }

    private object Value(FieldDescriptor field, bool hostile, int depth) => field.FieldType switch
    {
        FieldType.String => hostile ? values.HostileString() : values.PlausibleString(field.Name),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => hostile ? values.HostileLong() : values.PlausibleLong(field.Name),
        FieldType.UInt64 or FieldType.Fixed64 => unchecked((ulong)values.HostileLong()),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => hostile ? values.HostileInt() : values.PlausibleInt(field.Name),
        FieldType.UInt32 or FieldType.Fixed32 => unchecked((uint)values.HostileInt()),
        FieldType.Bool => values.Chance(0.5),
        FieldType.Enum => Enum.ToObject(
            field.EnumType.ClrType,
            hostile ? values.Pick<int>([-1, 99, int.MaxValue, int.MinValue]) : values.Pick([.. field.EnumType.Values]).Number),
        FieldType.Message => depth < MaxDepth ? Build(field.MessageType, depth + 1, hostile) : field.MessageType.Parser.ParseFrom(ByteString.Empty),
        FieldType.Bytes => ByteString.CopyFrom(values.Bytes(32)),
        FieldType.Double => values.Pick([double.NaN, double.MaxValue, -1.0, 0.5]),
        FieldType.Float => values.Pick([float.NaN, float.MaxValue, -1f, 0.5f]),
        _ => throw new NotSupportedException($"Field {field.FullName} is of type {field.FieldType}."),
    };

    private static void CollectFields(IMessage message, List<(IMessage, FieldDescriptor)> fields)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            fields.Add((message, field));
            if (field is { FieldType: FieldType.Message, IsRepeated: false } && field.Accessor.GetValue(message) is IMessage child)
            {
                CollectFields(child, fields);
            }
        }
    }
}
