namespace Valfard.Web.Startup.Demo;

/// <summary>Demo texts for Demokommun's report, written for Valfard's demo; the municipality and its figures are fictional.</summary>
internal static class DemoReportTexts
{
    public const string BackgroundFi =
        "<p>Demokunnan valtuusto hyväksyi kuntastrategian keväällä 2026. Strategian ensimmäinen tavoite on, että jokainen asukas voi kokea kuuluvansa yhteisöön ja löytää arkeensa liikkumisen ja kulttuurin mahdollisuuksia.</p>" +
        "<p>Kertomuksen on valmistellut hyvinvointiryhmä, jossa ovat mukana kaikki toimialat, hyvinvointialueen yhdyshenkilö, seurakunta sekä järjestöjen edustajat. Ryhmä kokoontui kuusi kertaa vuonna 2026.</p>" +
        "<h3>Yhteistyö hyvinvointialueen kanssa</h3><p>Kunta ja Demoalueen hyvinvointialue neuvottelevat vuosittain. Yhteisiä painopisteitä ovat lasten ja nuorten mielenterveyden tukeminen sekä ikääntyneiden kotona asumisen edistäminen.</p>";

    public const string BackgroundSv =
        "<p>Demokommuns fullmäktige godkände kommunstrategin våren 2026. Strategins första mål är att varje invånare ska känna sig delaktig i gemenskapen och hitta möjligheter till motion och kultur i vardagen.</p>" +
        "<p>Berättelsen har beretts av välfärdsgruppen, där alla sektorer, välfärdsområdets kontaktperson, församlingen och organisationernas representanter deltar. Gruppen sammanträdde sex gånger år 2026.</p>" +
        "<h3>Samarbete med välfärdsområdet</h3><p>Kommunen och Demoregionens välfärdsområde förhandlar årligen. Gemensamma prioriteringar är stöd för barns och ungas psykiska hälsa och att främja äldres boende hemma.</p>";

    public const string ChildrenFiFirst =
        "<p>Demokunnassa asuu noin 2 100 alle 18-vuotiasta. Varhaiskasvatukseen osallistuu 84 prosenttia 1–6-vuotiaista, mikä on hieman koko maan tasoa enemmän.</p>" +
        "<p>Lastensuojelun avohuollon asiakkaiden osuus on kasvanut kahtena peräkkäisenä vuonna.</p>";

    public const string ChildrenFi =
        "<p>Demokunnassa asuu noin 2 100 alle 18-vuotiasta. Varhaiskasvatukseen osallistuu 84 prosenttia 1–6-vuotiaista, mikä on hieman koko maan tasoa enemmän.</p>" +
        "<p>Lastensuojelun avohuollon asiakkaiden osuus on kasvanut kahtena peräkkäisenä vuonna. Kasvu näkyy erityisesti alakouluikäisissä, ja se on hyvinvointiryhmän tärkein huolen aihe.</p>" +
        "<h3>Mitä perheet kertovat</h3><ul><li>Harrastusmahdollisuuksia on hyvin, mutta kuljetukset ovat hankalia kylistä.</li><li>Perheneuvolaan pääsee nopeammin kuin vuonna 2023.</li></ul>" +
        "<table><tbody><tr><td>Indikaattori</td><td>2023</td><td>2025</td></tr><tr><td>Varhaiskasvatukseen osallistuvat 1–6-v. (%)</td><td>81</td><td>84</td></tr></tbody></table>";

    public const string ChildrenSv =
        "<p>I Demokommun bor cirka 2 100 personer under 18 år. Av barnen i åldern 1–6 år deltar 84 procent i småbarnspedagogik, vilket är något mer än i hela landet.</p>" +
        "<p>Andelen klienter inom barnskyddets öppenvård har ökat två år i rad.</p>";

    public const string YouthFi =
        "<p>Koulutuksen ulkopuolelle jääneiden 17–24-vuotiaiden osuus on laskenut 8,1 prosentista 6,4 prosenttiin. Etsivä nuorisotyö tavoitti vuonna 2025 yli sata nuorta.</p>" +
        "<p>Kouluterveyskyselyn mukaan yksinäisyyttä kokevien nuorten osuus on kuitenkin kasvanut, ja kohtalaista tai vaikeaa ahdistuneisuutta kokee lähes joka viides lukiolainen.</p>";

    public const string ElderlyFi =
        "<p>75 vuotta täyttäneistä 92 prosenttia asuu kotona. Kaatumisiin liittyvät hoitojaksot ovat vähentyneet sen jälkeen, kun kunta aloitti kotikuntoutuksen ja ulkoiluystävätoiminnan yhdessä järjestöjen kanssa.</p>";

    public const string ElderlySv =
        "<p>Av personerna som fyllt 75 år bor 92 procent hemma. Vårdperioderna efter fall har minskat sedan kommunen tillsammans med organisationerna startade hemrehabilitering och utevänsverksamhet.</p>";
}
