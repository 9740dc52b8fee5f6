using CsvHelper;
using Grpc.Core;
using Microfinance.Abstractions.Common;
using Microfinance.Abstractions.Households;
using Microfinance.Abstractions.Regions;
using Microfinance.Api.V1;
using Microfinance.Domain.Identity;
using Microfinance.Domain.Regions;
using Microfinance.Silo.Api.Imports;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using Microfinance.Silo.Security;

namespace Microfinance.Silo.Api;

/// <summary>gRPC face of the household registry grains.</summary>
public sealed class HouseholdGrpcService(IGrainFactory grains) : HouseholdService.HouseholdServiceBase
{
    private const int MaxChunkBytes = 1 << 20;

    /// <summary>How much of a file decides its encoding when the client names none.</summary>
    private const int EncodingSample = 64 * 1024;

    private static readonly string[] UpdatablePaths = ["head", "members", "category", "labor_capacity", "star_rating", "credit_household"];

    public override async Task<RegisterHouseholdResponse> RegisterHousehold(
        RegisterHouseholdRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var household = request.Household ?? new Household();
        var (registryNumber, village, profile) = HouseholdFields.Read(check, household, "household");
        check.ThrowIfInvalid();

        var registered = await grains.Get<IHouseholdGrain>(registryNumber.Value).RegisterAsync(village, profile, requestId);
        return new RegisterHouseholdResponse { Household = HouseholdMapper.ToProto(registered, PersonalDataView.For(context.Caller())) };
    }

    public override async Task<UpdateHouseholdResponse> UpdateHousehold(UpdateHouseholdRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var requestId = check.RequestId("request_id", request.RequestId);
        var household = request.Household ?? new Household();
        var registryNumber = check.RegistryNumber("household.registry_number", household.RegistryNumber);
        var paths = request.UpdateMask?.Paths is { Count: > 0 } masked ? masked.ToHashSet() : UpdatablePaths.ToHashSet();
        foreach (var unknown in paths.Except(UpdatablePaths))
        {
            check.Add("update_mask.paths", $"'{unknown}' cannot be updated; allowed: {string.Join(", ", UpdatablePaths)}");
        }

        ResidentId? headId = paths.Contains("head") ? check.ResidentId("household.head.resident_id", household.Head?.ResidentId) : null;
        var update = new HouseholdUpdate(
            paths.Contains("head") ? check.Text("household.head.name", household.Head?.Name, HouseholdFields.MaxPersonNameLength) : null,
            headId,
            paths.Contains("members") ? HouseholdFields.ReadMembers(check, household, headId, "household") : null,
            paths.Contains("category") ? check.Enum("household.category", ProtoEnums.ToDomain(household.Category)) : null,
            paths.Contains("labor_capacity") ? check.Enum("household.labor_capacity", ProtoEnums.ToDomain(household.LaborCapacity)) : null,
            paths.Contains("star_rating") ? check.Range("household.star_rating", household.StarRating, 0, HouseholdFields.MaxStarRating) : null,
            paths.Contains("credit_household") ? household.CreditHousehold : null);
        check.ThrowIfInvalid();

        var updated = await grains.Get<IHouseholdGrain>(registryNumber.Value).UpdateAsync(update, requestId);
        return new UpdateHouseholdResponse { Household = HouseholdMapper.ToProto(updated, PersonalDataView.For(context.Caller())) };
    }

    public override async Task<GetHouseholdResponse> GetHousehold(GetHouseholdRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var registryNumber = check.RegistryNumber("registry_number", request.RegistryNumber);
        check.ThrowIfInvalid();

        var household = await grains.Get<IHouseholdGrain>(registryNumber.Value).GetAsync();
        return new GetHouseholdResponse { Household = HouseholdMapper.ToProto(household, PersonalDataView.For(context.Caller())) };
    }

    public override async Task<ListHouseholdsResponse> ListHouseholds(ListHouseholdsRequest request, ServerCallContext context)
    {
        var check = new RequestValidator();
        var village = check.AdminCode("village_code", request.VillageCode, AdminLevel.Village);
        var pageSize = check.PageSize("page_size", request.PageSize, defaultSize: 50, maxSize: 500);
        var after = check.PageToken("page_token", request.PageToken);
        check.ThrowIfInvalid();

        var page = await grains.Get<IVillageGrain>(village.Value).ListHouseholdsAsync(after, pageSize);
        var households = await Task.WhenAll(page.Keys.Select(key => grains.Get<IHouseholdGrain>(key).GetAsync()));
        var view = PersonalDataView.For(context.Caller());
        return new ListHouseholdsResponse
        {
            Households = { households.Select(household => HouseholdMapper.ToProto(household, view)) },
            NextPageToken = PageToken.Encode(page.NextAfter),
        };
    }

    /// <summary>Reads the members, each resident id appearing at most once in the household.</summary>

    public override async Task ImportHouseholds(
        IAsyncStreamReader<ImportHouseholdsRequest> requestStream, IServerStreamWriter<ImportHouseholdsResponse> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        FileEncoding? declared = null;
        var input = new ChunkStream(async token =>
        {
            if (!await requestStream.MoveNext(token))
            {
                return null;
            }

            var request = requestStream.Current;
            declared ??= request.Encoding;
            if (request.Chunk.Length > MaxChunkBytes)
            {
                throw Refuse($"a chunk must be at most {MaxChunkBytes} bytes");
            }

            return request.Chunk.Memory;
        });
        var (head, wholeFile) = await input.PeekAsync(EncodingSample, ct);
        var encoding = ImportEncoding.Of(declared ?? FileEncoding.Unspecified, head.Span, wholeFile);

        HouseholdCsvReader reader;
        try
        {
            reader = await HouseholdCsvReader.OpenAsync(input, encoding, ct);
        }
        catch (InvalidDataException header)
        {
            throw Refuse(header.Message);
        }

        await using (reader)
        {
            try
            {
                await new HouseholdImport(grains, context.Caller(), response => responseStream.WriteAsync(response, ct)).RunAsync(reader, ct);
            }
            catch (CsvFormatException malformed)
            {
                // The rows before it are imported; the file needs mending from here, and importing it again repeats nothing.
                throw Refuse($"the file is not well-formed CSV: {malformed.Message}");
            }
        }
    }

    /// <summary>INVALID_ARGUMENT about the file the client sends.</summary>
    private static RpcException Refuse(string description)
    {
        var check = new RequestValidator();
        check.Add("chunk", description);
        return check.ToStatus().ToRpcException();
    }
}
