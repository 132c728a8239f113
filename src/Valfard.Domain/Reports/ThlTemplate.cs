namespace Valfard.Domain.Reports;

/// <summary>
/// THL's recommended structure for a welfare report, with guidance on what each part should answer. Written for
/// Valfard from the structure THL recommends; organisations adapt it in their own template.
/// </summary>
public static class ThlTemplate
{
    private sealed record Part(string TitleFi, string TitleSv, string GuidanceFi, string GuidanceSv, Part[]? Children = null,
        SectionPurpose Purpose = SectionPurpose.Text);

    private static readonly Part[] Parts =
    [
        new("Tiivistelmä", "Sammanfattning",
            "Kirjoita tämä luku viimeisenä. Kerro lyhyesti väestön hyvinvoinnin tärkeimmät muutokset, suurimmat ilon ja huolen aiheet sekä valtuustokauden painopisteet. Tiivistelmän pitää toimia yksinään: moni päättäjä lukee vain sen.",
            "Skriv det här avsnittet sist. Berätta kort om de viktigaste förändringarna i befolkningens välfärd, de största glädjeämnena och orosmomenten och fullmäktigeperiodens prioriteringar. Sammanfattningen ska fungera på egen hand: många beslutsfattare läser bara den."),
        new("Tausta, tarkoitus ja tavoitteet", "Bakgrund, syfte och mål",
            "Kuvaa kunnan hyvinvointipolitiikka ja -johtaminen: miten hyvinvoinnin ja terveyden edistäminen näkyy kuntastrategiassa, kuka kertomuksen valmisteli (hyvinvointiryhmä), mitä resursseja työhön käytettiin, miten päätösten vaikutuksia arvioidaan ennakkoon (ennakkoarviointi) ja miten kunta tekee yhteistyötä hyvinvointialueen, järjestöjen ja seurakuntien kanssa.",
            "Beskriv kommunens välfärdspolitik och ledning: hur främjandet av välfärd och hälsa syns i kommunstrategin, vem som beredde berättelsen (välfärdsgruppen), vilka resurser arbetet fick, hur besluts konsekvenser bedöms på förhand (förhandsbedömning) och hur kommunen samarbetar med välfärdsområdet, organisationer och församlingar."),
        new("Väestön hyvinvointi, terveys ja palvelut", "Befolkningens välfärd, hälsa och tjänster",
            "Kuvaa väestön hyvinvointia ja terveyttä elämänvaiheittain ja teemoittain. Kerro, mitä indikaattorit kertovat ja miten kehitys eroaa hyvinvointialueen ja koko maan tilanteesta. Nosta esiin väestöryhmien väliset erot ja se, miten palvelut vastaavat tarpeisiin. Kerro palvelujärjestelmän muutoksista ja lisää lukuun lohko ”Vuoden vaikutusten ennakkoarvioinnit”, joka listaa vuoden aikana valmistuneet ja päätetyt arvioinnit.",
            "Beskriv befolkningens välfärd och hälsa per livsskede och tema. Berätta vad indikatorerna visar och hur utvecklingen skiljer sig från välfärdsområdet och hela landet. Lyft fram skillnader mellan befolkningsgrupper och hur tjänsterna svarar mot behoven. Berätta om förändringar i servicesystemet och lägg till blocket ”Årets förhandsbedömningar av konsekvenser”, som listar de bedömningar som blev klara eller beslutades under året.",
            [
                new("Lapset ja lapsiperheet", "Barn och barnfamiljer",
                    "Katso esimerkiksi lastensuojelun avohuollon asiakkaat, varhaiskasvatukseen osallistuminen, lapsiperheiden toimeentulo ja kouluterveyskyselyn tulokset alakouluikäisistä. Miten perheiden arki sujuu ja missä tarvitaan tukea aiemmin?",
                    "Se till exempel på klienter inom barnskyddets öppenvård, deltagande i småbarnspedagogik, barnfamiljers utkomst och resultaten från enkäten Hälsa i skolan för lågstadiet. Hur fungerar familjernas vardag och var behövs stöd tidigare?"),
                new("Nuoret", "Unga",
                    "Katso esimerkiksi koulutuksen ulkopuolelle jääneet 17–24-vuotiaat, nuorten ahdistuneisuus, yksinäisyys ja harrastaminen kouluterveyskyselyssä sekä nuorisotyöttömyys. Mitkä asiat kantavat nuoria ja mitkä huolestuttavat?",
                    "Se till exempel på unga 17–24 år utanför utbildning, ungas ångest, ensamhet och fritidsintressen i Hälsa i skolan samt ungdomsarbetslösheten. Vad ger de unga styrka och vad oroar dem?"),
                new("Työikäiset", "Personer i arbetsför ålder",
                    "Katso esimerkiksi pitkäaikaistyöttömät, toimeentulotukea saaneet 25–64-vuotiaat, sairastavuusindeksi sekä alkoholin ja tupakan käyttö. Miten työllisyys, toimeentulo ja terveys kytkeytyvät toisiinsa kunnassa?",
                    "Se till exempel på långtidsarbetslösa, personer 25–64 år som fått utkomststöd, sjuklighetsindex samt bruket av alkohol och tobak. Hur hänger sysselsättning, utkomst och hälsa ihop i kommunen?"),
                new("Ikääntyneet", "Äldre",
                    "Katso esimerkiksi kotona asuvien 75 vuotta täyttäneiden osuus, kaatumisiin liittyvät hoitojaksot, muistisairaudet sekä ikääntyneiden yksinäisyys ja liikkuminen. Miten kunnan ympäristö ja palvelut tukevat kotona asumista?",
                    "Se till exempel på andelen 75 år fyllda som bor hemma, vårdperioder efter fall, minnessjukdomar samt äldres ensamhet och rörlighet. Hur stöder kommunens miljö och tjänster boende hemma?"),
                new("Koko väestö ja teemat", "Hela befolkningen och teman",
                    "Kuvaa koko väestöä koskevat teemat, kuten osallisuus, turvallisuus, liikkuminen, elinympäristö, kulttuuri ja ehkäisevä päihdetyö. Arvioi myös, miten ehkäisevä työ vaikuttaa kustannuksiin ja kunnan elinvoimaan.",
                    "Beskriv teman som gäller hela befolkningen, till exempel delaktighet, trygghet, motion, livsmiljö, kultur och förebyggande rusmedelsarbete. Bedöm också hur det förebyggande arbetet påverkar kostnaderna och kommunens livskraft."),
            ]),
        new("Vahvuudet ja kehittämiskohteet", "Styrkor och utvecklingsområden",
            "Kokoa hyvinvointiryhmän tunnistamat ilon ja huolen aiheet. Perustele jokainen huolen aihe indikaattoreilla tai muulla tiedolla ja kerro, ketä se koskee. Ilon ja huolen aiheet ovat suunnitelman tavoitteiden pohja.",
            "Samla de glädjeämnen och orosmoment som välfärdsgruppen har identifierat. Motivera varje orosmoment med indikatorer eller annan information och berätta vem det gäller. Glädjeämnena och orosmomenten är grunden för planens mål.",
            Purpose: SectionPurpose.JoysAndConcerns),
        new("Hyvinvointisuunnitelma", "Välfärdsplan",
            "Johda suunnitelma edellisen luvun johtopäätöksistä: mitkä asiat kunta valitsee valtuustokauden painopisteiksi ja miksi.",
            "Härled planen ur slutsatserna i föregående avsnitt: vilka frågor kommunen väljer som prioriteringar för fullmäktigeperioden och varför.",
            [
                new("Johtopäätökset", "Slutsatser",
                    "Kerro lyhyesti, mitkä ovat kertomuksen tärkeimmät johtopäätökset ja mihin väestöryhmiin tai teemoihin toimet kohdistetaan.",
                    "Berätta kort vilka berättelsens viktigaste slutsatser är och vilka befolkningsgrupper eller teman åtgärderna riktas mot."),
                new("Tavoitteet, toimenpiteet ja seurantaindikaattorit", "Mål, åtgärder och uppföljningsindikatorer",
                    "Kirjaa jokaiselle tavoitteelle toimenpiteet, vastuutahot, aikataulu, resurssit ja indikaattorit, joilla edistymistä seurataan. Tavoitteiden pitää olla sellaisia, että tarkastuslautakunta voi arvioida niiden toteutumista.",
                    "Ange för varje mål åtgärderna, de ansvariga, tidsplanen, resurserna och indikatorerna som följer upp framstegen. Målen ska vara sådana att revisionsnämnden kan bedöma om de nåtts.",
                    Purpose: SectionPurpose.WelfarePlan),
            ]),
        new("Liitteet", "Bilagor",
            "Liitä kertomuksen pohjana olleet muut suunnitelmat (esimerkiksi lasten ja nuorten hyvinvointisuunnitelma, ikääntyneiden suunnitelma, tasa-arvosuunnitelma, turvallisuussuunnitelma) sekä luettelo vähimmäistietosisällön indikaattoreista, joita ei käytetty, perusteluineen.",
            "Bifoga de andra planer som berättelsen bygger på (till exempel välfärdsplanen för barn och unga, planen för äldre, jämställdhetsplanen, säkerhetsplanen) samt en förteckning över de indikatorer i minimidatainnehållet som inte användes, med motivering.",
            Purpose: SectionPurpose.Appendices),
    ];

    /// <summary>
    /// THL's structure for a wellbeing services county's regional welfare report (hyvinvointialueen
    /// hyvinvointikertomus): the county's own welfare policy and its cooperation with the member municipalities, the
    /// population by life stage, the services and their use, inequality, the goals and measures, and evaluation.
    /// </summary>
    private static readonly Part[] RegionalParts =
    [
        new("Tiivistelmä", "Sammanfattning",
            "Kirjoita tämä luku viimeisenä. Kerro lyhyesti alueen väestön hyvinvoinnin ja terveyden tärkeimmät muutokset, suurimmat erot kuntien ja väestöryhmien välillä sekä aluevaltuustokauden painopisteet.",
            "Skriv det här avsnittet sist. Berätta kort om de viktigaste förändringarna i välfärden och hälsan hos områdets befolkning, de största skillnaderna mellan kommunerna och befolkningsgrupperna och områdesfullmäktigeperiodens prioriteringar."),
        new("Hyvinvointialueen hyvinvointipolitiikka", "Välfärdsområdets välfärdspolitik",
            "Kuvaa, miten hyvinvoinnin ja terveyden edistäminen näkyy hyvinvointialueen strategiassa ja johtamisessa, kuka kertomuksen valmisteli, mitä resursseja työhön käytettiin ja miten päätösten vaikutuksia arvioidaan ennakkoon.",
            "Beskriv hur främjandet av välfärd och hälsa syns i välfärdsområdets strategi och ledning, vem som beredde berättelsen, vilka resurser arbetet fick och hur besluts konsekvenser bedöms på förhand.",
            [
                new("Yhteistyö jäsenkuntien kanssa", "Samarbetet med medlemskommunerna",
                    "Kerro vuosittaisista hyvinvointineuvotteluista, yhteisistä tavoitteista ja tuesta, jota hyvinvointialue antaa kunnille. Lisää lukuun lohko ”Jäsenkuntien tavoitteet elämänvaiheittain”, joka kokoaa kuntien toimittamien hyvinvointisuunnitelmien tavoitteet.",
                    "Berätta om de årliga välfärdsförhandlingarna, de gemensamma målen och det stöd välfärdsområdet ger kommunerna. Lägg till blocket ”Medlemskommunernas mål per livsskede”, som samlar målen i de välfärdsplaner kommunerna har lämnat över."),
                new("Yhteistyö järjestöjen, seurakuntien ja muiden toimijoiden kanssa", "Samarbetet med organisationer, församlingar och andra aktörer",
                    "Kuvaa, miten hyvinvointialue tekee yhteistyötä järjestöjen, seurakuntien, yritysten ja valtion viranomaisten kanssa hyvinvoinnin ja terveyden edistämiseksi.",
                    "Beskriv hur välfärdsområdet samarbetar med organisationer, församlingar, företag och statliga myndigheter för att främja välfärd och hälsa."),
            ]),
        new("Väestön hyvinvointi ja terveys", "Befolkningens välfärd och hälsa",
            "Kuvaa alueen väestön hyvinvointia ja terveyttä elämänvaiheittain. Vertaa jäsenkuntia toisiinsa, hyvinvointialueeseen ja koko maahan: lisää lukuihin lohko ”Jäsenkuntien vertailu” tärkeimmistä indikaattoreista.",
            "Beskriv välfärden och hälsan hos områdets befolkning per livsskede. Jämför medlemskommunerna med varandra, med välfärdsområdet och med hela landet: lägg till blocket ”Jämförelse av medlemskommunerna” för de viktigaste indikatorerna.",
            [
                new("Lapset ja lapsiperheet", "Barn och barnfamiljer",
                    "Katso esimerkiksi lastensuojelun asiakkaat, perheiden toimeentulo ja kouluterveyskyselyn tulokset. Missä kunnissa perheet tarvitsevat tukea aiemmin?",
                    "Se till exempel på klienter inom barnskyddet, familjernas utkomst och resultaten från enkäten Hälsa i skolan. I vilka kommuner behöver familjerna stöd tidigare?"),
                new("Nuoret", "Unga",
                    "Katso esimerkiksi nuorten mielenterveys, koulutuksen ulkopuolelle jääneet ja päihteiden käyttö. Miten tilanne eroaa kunnittain?",
                    "Se till exempel på ungas psykiska hälsa, unga utanför utbildning och bruket av rusmedel. Hur skiljer sig läget mellan kommunerna?"),
                new("Työikäiset", "Personer i arbetsför ålder",
                    "Katso esimerkiksi sairastavuusindeksi, pitkäaikaistyöttömyys, toimeentulotuki sekä alkoholin ja tupakan käyttö.",
                    "Se till exempel på sjuklighetsindex, långtidsarbetslöshet, utkomststöd samt bruket av alkohol och tobak."),
                new("Ikääntyneet", "Äldre",
                    "Katso esimerkiksi kotona asuvat 75 vuotta täyttäneet, kaatumiset, muistisairaudet ja yksinäisyys. Miten palvelut tukevat kotona asumista eri puolilla aluetta?",
                    "Se till exempel på personer över 75 år som bor hemma, fallolyckor, minnessjukdomar och ensamhet. Hur stöder tjänsterna boende hemma i olika delar av området?"),
                new("Koko väestö ja teemat", "Hela befolkningen och teman",
                    "Kuvaa koko väestöä koskevat teemat, kuten osallisuus, turvallisuus, ehkäisevä päihdetyö, tapaturmat ja pelastustoimen näkökulma.",
                    "Beskriv teman som gäller hela befolkningen, till exempel delaktighet, trygghet, förebyggande rusmedelsarbete, olycksfall och räddningsväsendets perspektiv."),
            ]),
        new("Palvelut ja niiden käyttö", "Tjänsterna och hur de används",
            "Kuvaa, miten sosiaali-, terveys- ja pelastuspalvelut vastaavat väestön tarpeisiin: palvelujen saatavuus ja käyttö, ehkäisevät palvelut sekä palvelujärjestelmän muutokset. Lisää lukuun lohko ”Vuoden vaikutusten ennakkoarvioinnit”.",
            "Beskriv hur social-, hälso- och räddningstjänsterna svarar mot befolkningens behov: tjänsternas tillgänglighet och användning, de förebyggande tjänsterna och förändringarna i servicesystemet. Lägg till blocket ”Årets förhandsbedömningar av konsekvenser”."),
        new("Hyvinvointi- ja terveyserot", "Skillnader i välfärd och hälsa",
            "Kuvaa erot kuntien, alueiden ja väestöryhmien välillä (esimerkiksi sukupuoli, ikä, koulutus, tulot ja kieli) ja miten hyvinvointialue pyrkii kaventamaan niitä.",
            "Beskriv skillnaderna mellan kommunerna, områdena och befolkningsgrupperna (till exempel kön, ålder, utbildning, inkomster och språk) och hur välfärdsområdet strävar efter att minska dem."),
        new("Vahvuudet ja kehittämiskohteet", "Styrkor och utvecklingsområden",
            "Kokoa alueen ilon ja huolen aiheet. Perustele jokainen huolen aihe indikaattoreilla tai muulla tiedolla ja kerro, missä kunnissa ja ketä se koskee.",
            "Samla områdets glädjeämnen och orosmoment. Motivera varje orosmoment med indikatorer eller annan information och berätta i vilka kommuner och vem det gäller.",
            Purpose: SectionPurpose.JoysAndConcerns),
        new("Tavoitteet ja toimenpiteet", "Mål och åtgärder",
            "Kirjaa hyvinvointialueen tavoitteet aluevaltuustokaudelle, toimenpiteet, vastuutahot ja seurantaindikaattorit sekä yhteiset tavoitteet, joista on sovittu kuntien kanssa.",
            "Ange välfärdsområdets mål för områdesfullmäktigeperioden, åtgärderna, de ansvariga och uppföljningsindikatorerna samt de gemensamma mål som har avtalats med kommunerna."),
        new("Arviointi", "Utvärdering",
            "Arvioi, miten edellisen kertomuksen tavoitteet toteutuivat, mitkä toimenpiteet vaikuttivat ja mitä seuraavaksi muutetaan.",
            "Bedöm hur målen i den föregående berättelsen uppnåddes, vilka åtgärder som hade effekt och vad som ändras härnäst."),
        new("Liitteet", "Bilagor",
            "Liitä kertomuksen pohjana olleet muut suunnitelmat sekä luettelo alueellisen vähimmäistietosisällön indikaattoreista, joita ei käytetty, perusteluineen.",
            "Bifoga de andra planer som berättelsen bygger på samt en förteckning över de indikatorer i det regionala minimidatainnehållet som inte användes, med motivering.",
            Purpose: SectionPurpose.Appendices),
    ];

    /// <summary>Fills an empty template with THL's structure.</summary>
    public static void ApplyTo(ReportTemplate template) => Apply(template, Parts);

    /// <summary>Fills an empty template with THL's structure for a county's regional welfare report.</summary>
    public static void ApplyRegionalTo(ReportTemplate template) => Apply(template, RegionalParts);

    /// <summary>The structure an organisation of this kind starts from: a county writes the regional report.</summary>
    public static void ApplyFor(Organisations.OrganisationKind kind, ReportTemplate template)
    {
        if (kind == Organisations.OrganisationKind.WellbeingServicesCounty)
        {
            ApplyRegionalTo(template);
        }
        else
        {
            ApplyTo(template);
        }
    }

    private static void Apply(ReportTemplate template, Part[] parts)
    {
        ArgumentNullException.ThrowIfNull(template);
        foreach (var part in parts)
        {
            var section = template.AddSection(null, part.TitleFi, part.TitleSv, part.GuidanceFi, part.GuidanceSv, part.Purpose);
            foreach (var child in part.Children ?? [])
            {
                template.AddSection(section.Id, child.TitleFi, child.TitleSv, child.GuidanceFi, child.GuidanceSv, child.Purpose);
            }
        }
    }
}
