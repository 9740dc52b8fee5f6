namespace Microfinance.Schema;

/// <summary>What one <see cref="SchemaMigrator.MigrateAsync"/> run did.</summary>
/// <param name="Applied">Migrations this run applied, in order (ids such as <c>0002_clustering</c>).</param>
/// <param name="AlreadyPresent">Migrations the database already had before this run.</param>
/// <param name="GrantedTo">The role granted the silo's privileges, if one was asked for.</param>
public sealed record MigrationReport(
    IReadOnlyList<string> Applied,
    IReadOnlyList<string> AlreadyPresent,
    string? GrantedTo);
