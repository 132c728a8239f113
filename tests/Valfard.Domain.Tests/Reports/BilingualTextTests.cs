using Valfard.Domain.Common;

namespace Valfard.Domain.Tests.Reports;

public sealed class BilingualTextTests
{
    [Theory]
    // One language missing is out of step at any length.
    [InlineData("Ikääntyneet", "", true)]
    [InlineData("", "Äldre", true)]
    [InlineData("", "", false)]
    // Titles and names are as long as their language makes them: "Äldre" is 45 % of "Ikääntyneet" and in step.
    [InlineData("Ikääntyneet", "Äldre", false)]
    [InlineData("Työikäiset", "Personer i arbetsför ålder", false)]
    public void Short_texts_are_out_of_step_only_when_one_is_missing(string fi, string sv, bool outOfStep) =>
        Assert.Equal(outOfStep, BilingualText.IsOutOfStep(fi, sv));

    [Theory]
    [InlineData(100, 59, true)]
    [InlineData(100, 60, false)]
    [InlineData(99, 10, false)]
    [InlineData(40, 400, true)]
    [InlineData(200, 130, false)]
    public void From_a_sentence_up_a_translation_under_60_percent_of_the_other_is_out_of_step(int fiLength, int svLength, bool outOfStep) =>
        Assert.Equal(outOfStep, BilingualText.IsOutOfStep(fiLength, svLength));
}
