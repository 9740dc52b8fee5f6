using System.Buffers;
using Orleans.Serialization;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.Serializers;
using Orleans.Serialization.WireProtocol;

namespace Microfinance.Abstractions.Serialization;

/// <summary>
/// Serializes an immutable domain record through a surrogate, byte for byte as Orleans serialized
/// the record while it carried [GenerateSerializer] itself: a generated record codec opens every
/// value with an empty base section (an end-of-base marker) before its fields, which Orleans' own
/// surrogate codec neither writes nor expects. Rows and messages written before a record moved
/// into the domain therefore read unchanged, and rows written now read under the versions before.
/// </summary>
/// <typeparam name="TRecord">The domain record: immutable, so a copy is the record itself.</typeparam>
/// <typeparam name="TSurrogate">Its fields under the ids the record had.</typeparam>
public abstract class RecordFormCodec<TRecord, TSurrogate>(IValueSerializer<TSurrogate> surrogates)
    : IFieldCodec<TRecord>, IDeepCopier<TRecord>
    where TRecord : class
    where TSurrogate : struct
{
    private static readonly Type RecordType = typeof(TRecord);

    protected abstract TSurrogate ToSurrogate(TRecord value);

    protected abstract TRecord FromSurrogate(in TSurrogate surrogate);

    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, TRecord? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value))
        {
            return;
        }

        writer.WriteStartObject(fieldIdDelta, expectedType, RecordType);
        writer.WriteEndBase();
        var surrogate = ToSurrogate(value!);
        surrogates.Serialize(ref writer, ref surrogate);
        writer.WriteEndObject();
    }

    public TRecord? ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference)
        {
            return ReferenceCodec.ReadReference<TRecord?, TInput>(ref reader, field);
        }

        field.EnsureWireTypeTagDelimited();
        var placeholder = ReferenceCodec.CreateRecordPlaceholder(reader.Session);
        var baseSection = reader.ReadFieldHeader();
        if (!baseSection.IsEndBaseFields)
        {
            throw new SerializerException(
                $"A stored {RecordType.Name} opens with {baseSection.WireType} where its empty base section was expected.");
        }

        TSurrogate surrogate = default;
        surrogates.Deserialize(ref reader, ref surrogate);
        var result = FromSurrogate(in surrogate);
        ReferenceCodec.RecordObject(reader.Session, result, placeholder);
        return result;
    }

    public TRecord? DeepCopy(TRecord? input, CopyContext context) => input;
}
