using Chokepoint.Simulation.World;

namespace Chokepoint.Simulation.Tests.WorldFiles;

/// <summary>
/// YAML features the world reader handles while mapping parser events directly: anchors and aliases, repeated keys,
/// several documents, null scalars and odd keys, each with the error and position it reports.
/// </summary>
public sealed class WorldYamlEventTests
{
    [Fact]
    public void Aliases_repeat_the_anchored_node()
    {
        var result = WorldLoader.Parse("""
            version: 1
            name: &n tiny
            companies:
              - &c {id: acme, name: *n, country: NO}
            webHosts:
              - host: a.acme.com
                headers: &h {x-one: "1", x-two: "2"}
                pages: [{path: /, headers: *h}]
            """, "alias.yaml");
        Assert.True(result.Success, result.Success ? "" : result.Describe());
        var world = result.World!;
        Assert.Equal("tiny", world.Companies[0].Name);
        Assert.Equal("NO", world.Companies[0].Country);
        Assert.Equal("2", world.WebHosts[0].Pages[0].Headers["x-two"]);
        Assert.Equal(2, world.WebHosts[0].Headers.Count);
    }

    [Fact]
    public void Aliased_list_items_are_copies_that_validation_sees_twice()
    {
        var result = WorldLoader.Parse("version: 1\ncompanies:\n  - &c {id: acme, name: Acme}\n  - *c\n", "alias.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal("companies[1].id", error.Path);
        Assert.Contains("duplicate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_in_an_aliased_value_is_placed_at_its_anchor()
    {
        var result = WorldLoader.Parse("version: 1\ncompanies:\n  - {id: a, name: &p nobody}\n  - {id: b, name: B, parent: *p}\n", "alias.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal("alias.yaml:3:19: companies[1].parent: unknown company 'nobody'", error.ToString());
    }

    [Fact]
    public void Alias_without_an_anchor_is_reported_at_the_alias()
    {
        var result = WorldLoader.Parse("version: 1\nbogus: 2\nname: *nope\n", "alias.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal("alias.yaml:3:7: The anchor 'nope' does not exists", error.ToString());
    }

    [Fact]
    public void Alias_before_its_anchor_is_an_error()
    {
        var result = WorldLoader.Parse("version: 1\nname: *n\nsites: [{domain: &n x.com}]\n", "alias.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.Contains("comes before its anchor &n", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_inside_its_own_anchor_is_an_error_not_a_endless_loop()
    {
        var result = WorldLoader.Parse("version: 1\ncompanies: &l\n  - {id: a, name: b}\n  - *l\n", "cycle.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal("cycle.yaml:4:5: alias *l refers to a node that contains it", error.ToString());
    }

    [Theory]
    [InlineData("version: 1\nbogus: 1\nname: a\nname: b\n", 4, 1, "Duplicate key name")]
    [InlineData("version: 1\nname: a\n\"name\": b\n", 3, 1, "Duplicate key name")]
    [InlineData("version: 1\nbogus: {a: 1, a: 2}\n", 2, 15, "Duplicate key a")]
    [InlineData("version: 1\ncompanies: {a: 1, a: 2}\n", 2, 19, "Duplicate key a")]
    [InlineData("version: 1\nwebHosts: [{host: a.com, headers: {x: \"1\", x: \"2\"}}]\n", 2, 44, "Duplicate key x")]
    [InlineData("version: 1\n---\na: 1\na: 2\n", 4, 1, "Duplicate key a")]
    public void Repeated_key_is_the_only_error_reported(string yaml, int line, int column, string message)
    {
        var result = WorldLoader.Parse(yaml, "dup.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal(new WorldError("dup.yaml", line, column, "", message), error);
    }

    [Fact]
    public void Syntax_error_after_a_mapping_error_is_the_only_error_reported()
    {
        var result = WorldLoader.Parse("version: 1\nbogus: 2\nname: [a\n", "syntax.yaml");
        var error = Assert.Single(result.Errors);
        Assert.Equal("", error.Path);
        Assert.True(error.Line >= 3, error.ToString());
    }

    [Theory]
    [InlineData("version: 1\nbogus: 2\n---\nversion: 1\n", "expected one YAML document, found 2")]
    [InlineData("", "expected one YAML document, found 0")]
    [InlineData("# only a comment\n", "expected one YAML document, found 0")]
    public void Document_count_other_than_one_is_reported(string yaml, string message)
    {
        var error = Assert.Single(WorldLoader.Parse(yaml, "docs.yaml").Errors);
        Assert.Equal($"docs.yaml:1:1: {message}", error.ToString());
    }

    [Fact]
    public void Document_that_is_not_a_mapping_is_reported()
    {
        var error = Assert.Single(WorldLoader.Parse("\n- version\n", "list.yaml").Errors);
        Assert.Equal((2, 1, ""), (error.Line, error.Column, error.Path));
        Assert.Contains("must be a mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_scalars_are_null_only_where_the_field_may_be_null()
    {
        var result = WorldLoader.Parse("""
            version: 1
            name: null
            companies:
              - {id: acme, name: Acme, parent: ~, country: NULL}
              - {id: b, name: "~", parent: acme}
            """, "nulls.yaml");
        Assert.True(result.Success, result.Success ? "" : result.Describe());
        var world = result.World!;
        Assert.Equal("null", world.Name);
        Assert.Null(world.Companies[0].Parent);
        Assert.Null(world.Companies[0].Country);
        Assert.Equal("~", world.Companies[1].Name);
    }

    [Fact]
    public void Wrong_shapes_are_each_reported_and_reading_goes_on()
    {
        var result = WorldLoader.Parse("""
            version: 1
            [a, b]: 1
            registrars: [{id: r, name: R, ianaId: [1], company: c}]
            webHosts:
              - host: a.com
                headers: {x: [1], y: "2"}
            """, "shapes.yaml");
        Assert.Equal(
            [
                "shapes.yaml:2:1: keys must be plain names",
                "shapes.yaml:3:39: registrars[0].ianaId: expected a whole number",
                "shapes.yaml:6:18: webHosts[0].headers.x: expected a text value",
                "shapes.yaml:3:53: registrars[0].company: unknown company 'c'",
            ],
            result.Errors.Select(e => e.ToString()));
    }
}
