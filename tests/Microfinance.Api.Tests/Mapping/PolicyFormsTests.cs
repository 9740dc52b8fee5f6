using Microfinance.Domain.Policies;
using Microfinance.Silo.Api.Mapping;
using Microfinance.Silo.Api.Validation;
using Microfinance.Testing.Policies;

namespace Microfinance.Api.Tests.Mapping;

/// <summary>
/// A policy's parameters are listed in the domain type and in each form it crosses; these hold the
/// proto form to the domain's list, so that a parameter forgotten there fails here rather than
/// coming back as its default.
/// </summary>
public sealed class PolicyFormsTests
{
    [Fact]
    public void TheTestPolicySetsEveryParameterAwayFromItsDefault()
    {
        Assert.Empty(PolicyWithEveryParameterSet.DefaultParameters());
        Assert.Empty(PolicyWithEveryParameterSet.Build().Validate());
    }

    [Fact]
    public void APolicyWithEveryParameterSetComesBackFromItsProtoFormEqual()
    {
        var policy = PolicyWithEveryParameterSet.Build();
        var check = new RequestValidator();

        var read = PolicyReader.Read(check, PolicyMapper.ToProto(policy));

        check.ThrowIfInvalid();
        Assert.Equal(policy, read);
    }

    [Fact]
    public void EveryParameterHasAProtoFieldItsProblemsAreReportedUnder()
    {
        foreach (var parameter in PolicyWithEveryParameterSet.Parameters())
        {
            var (field, _) = PolicyMapper.ToFieldViolation("policy", new PolicyProblem(parameter.Name, "is wrong."));

            Assert.Matches("^policy\\.[a-z_]+$", field);
        }
    }
}
