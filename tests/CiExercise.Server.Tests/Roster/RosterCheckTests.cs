using CiExercise.Contracts.Scenarios;
using CiExercise.Scenarios;
using CiExercise.Server.Roster;
using CiExercise.Server.Tests.Infrastructure;
using CiExercise.Storage.JoinLinks;

namespace CiExercise.Server.Tests.Roster;

/// <summary>Rows checked against the scenario (server-test.yaml: ministry, bank, power, water; roles manager and staff).</summary>
public sealed class RosterCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Scenario Scenario = ScenarioParser.ParseFile(Path.Combine(ServerFactory.TestScenarios, "server-test.yaml")).Scenario!;

    [Fact]
    public void Organizations_by_id_or_either_name_roles_in_any_case_japanese_headers_and_extra_columns()
    {
        var plan = Check("""
            メモ,氏名,組織,役割,メール
            x,佐藤 花子,bank,staff,sato@example.jp
            ,鈴木,中央電力,MANAGER,
            ,Tanaka,ｗａｎｇａｎ　water,staff,tanaka@example.jp
            """);

        Assert.True(plan.Valid, string.Join("; ", plan.Errors.Select(e => e.Text)));
        Assert.Equal(
            [(2, "佐藤 花子", "bank", "staff", "sato@example.jp"), (3, "鈴木", "power", "manager", null), (4, "Tanaka", "water", "staff", "tanaka@example.jp")],
            plan.Entries.Select(e => (e.Row, e.Name, e.Organization.Id, e.Role, e.Email)));
    }

    [Fact]
    public void Every_error_of_every_row_is_reported_at_its_row_and_column_and_nothing_is_planned()
    {
        var plan = Check($"""
            name,organization,role,email
            Sato,bank,staff,sato@example.jp
            Ito,bank,ciso,
            ,power,staff,
            Kato,kanto-power,staff,
            Mori,water,,not-an-address
            Abe,bank,staff,SATO@example.jp
            {new string('x', 201)},bank,staff,
            Ueda,ministry,manager,taken@example.jp
            """, existing: [Link("taken@example.jp")]);

        Assert.False(plan.Valid);
        Assert.Empty(plan.Entries);
        Assert.Equal(
        [
            "row 3, column 'role': organization 'bank' has no role 'ciso'; its roles are manager, staff",
            "row 4, column 'name': the name is empty; every person needs one",
            "row 5, column 'organization': there is no organization 'kanto-power' in this exercise's scenario (give its id, or its Japanese or English name)",
            "row 6, column 'role': the role is empty; every person needs one",
            "row 6, column 'email': 'not-an-address' is not an e-mail address",
            "row 7, column 'email': 'SATO@example.jp' is also on row 2; each person once",
            "row 8, column 'name': the name has 201 characters; at most 200 are allowed",
            "row 9, column 'email': 'taken@example.jp' already has a working join link (Holder, bank); revoke it first or leave this row out",
        ], plan.Errors.Select(e => e.Text));
        Assert.Equal(8, plan.ErrorCount);
    }

    [Fact]
    public void A_name_shared_by_two_organizations_must_be_given_as_an_id()
    {
        var twin = Scenario.Organizations[1] with { Id = "bank-2" };
        var scenario = Scenario with { Organizations = [.. Scenario.Organizations, twin] };

        var plan = RosterCheck.Check(RosterFile.Read(RosterFiles.Csv("name,organization,role\nSato,Toto Bank,staff\nIto,bank-2,staff\n")), scenario, [], Now);

        Assert.Equal(["row 2, column 'organization': 'Toto Bank' could be any of the organizations bank, bank-2; give the organization's id"],
            plan.Errors.Select(e => e.Text));
    }

    [Theory]
    [InlineData("name,organization\nSato,bank\n", "row 1: the header row needs the columns name, organization and role")]
    [InlineData("name;organization;role\nSato;bank;staff\n", "separated by ';' or tabs")]
    [InlineData("name,氏名,organization,role\n", "row 1, column '氏名': this column and column 'name' both give the name")]
    [InlineData("name,organization,role\n,,\n", "a header row but nobody under it")]
    [InlineData("\n\n", "The file has no rows")]
    public void What_is_wrong_with_the_header_or_the_whole_file_is_one_error(string csv, string expected)
    {
        var plan = Check(csv);

        Assert.Equal(1, plan.ErrorCount);
        Assert.Contains(expected, plan.Errors[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_past_the_listed_limit_are_counted()
    {
        var plan = Check("name,organization,role\n" + string.Concat(Enumerable.Repeat("x,nowhere,staff\n", RosterLimits.MaxReportedErrors + 7)));

        Assert.Equal(RosterLimits.MaxReportedErrors, plan.Errors.Count);
        Assert.Equal(RosterLimits.MaxReportedErrors + 7, plan.ErrorCount);
    }

    [Fact]
    public void A_revoked_or_expired_link_does_not_hold_its_address()
    {
        var revoked = Link("a@example.jp") with { RevokedAt = Now.AddDays(-1) };
        var expired = Link("b@example.jp") with { ExpiresAt = Now };

        Assert.True(Check("name,organization,role,email\nA,bank,staff,a@example.jp\nB,bank,staff,b@example.jp\n", [revoked, expired]).Valid);
    }

    private static RosterPlan Check(string csv, IEnumerable<JoinLink>? existing = null) =>
        RosterCheck.Check(RosterFile.Read(RosterFiles.Csv(csv.ReplaceLineEndings("\n"))), Scenario, existing ?? [], Now);

    private static JoinLink Link(string email) =>
        new("jl-1", "ex", "participant", "bank", "staff", "Holder", Now.AddDays(-2), Now.AddDays(5), null, "tests", false, null, email);
}
