using System.Collections;
using System.Reflection;

namespace Chokepoint.Simulation.Tests.WorldFiles;

/// <summary>Field-by-field comparison of world objects; returns the path of the first difference.</summary>
internal static class WorldComparer
{
    public static string? FirstDifference(object? expected, object? actual, string path = "world")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: {Show(expected)} != {Show(actual)}";
        }

        if (expected.GetType() != actual.GetType())
        {
            return $"{path}: type {expected.GetType().Name} != {actual.GetType().Name}";
        }

        switch (expected)
        {
            case string or int or bool or DateTimeOffset:
                return Equals(expected, actual) ? null : $"{path}: {Show(expected)} != {Show(actual)}";
            case IDictionary dictionary:
                var other = (IDictionary)actual;
                if (dictionary.Count != other.Count)
                {
                    return $"{path}: {dictionary.Count} entries != {other.Count}";
                }

                foreach (DictionaryEntry entry in dictionary)
                {
                    if (!other.Contains(entry.Key) || !Equals(entry.Value, other[entry.Key]))
                    {
                        return $"{path}.{entry.Key}: differs";
                    }
                }

                return null;
            case IList list:
                var otherList = (IList)actual;
                if (list.Count != otherList.Count)
                {
                    return $"{path}: {list.Count} items != {otherList.Count}";
                }

                for (var i = 0; i < list.Count; i++)
                {
                    if (FirstDifference(list[i], otherList[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            default:
                foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (FirstDifference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
        }
    }

    private static string Show(object? value) => value is null ? "null" : $"'{value}'";
}
