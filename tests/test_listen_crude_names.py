"""A crude account name is read from the words a handle runs together, not from letters inside
an innocent word (a surname, a place, a thing): the caution says the reply shows the handle."""

from __future__ import annotations

import pytest

from staffpulse.listen.crude_names import names_crudely


@pytest.mark.parametrize(
    "handle",
    [
        "THE_HOE_REPORT",
        "@ItsMiaHOE",
        "KeepCalm_FuckOff",
        "welpfuckkk",
        "WELPFUCKKK",
        "TYPICALSHIT",
        "mondayfuckup",
        "whosaidthatshit",
        "shitpostdaily",
        "ShitShowDaily",
        # "shit" before no name's vowel, or before a crude word
        "ShittyBossStories",
        "Shitass_Mike",
        "ShitOn_Mondays",
        "Hoe_Life_Daily",
        "Midnight_Porn_Club",
        "WTF_daily",
        "stfu_kyle",
        "Nasty_Bitch",
        "horny_af",
        # a crude word after the word that makes it so, whatever follows
        "BigDick_Energy",
        "SuckMyDick",
        "BigCocks4U",
    ],
)
def test_a_handle_that_swears_or_names_sex_is_crude(handle: str) -> None:
    assert names_crudely(handle)


@pytest.mark.parametrize(
    "handle",
    [
        # surnames after a first name
        "AnnaCocks",
        "MaxDick",
        "MobyDick",
        "Dick_Turner_Jobs",
        "JoHancock",
        "SamButts",
        "EveGlasscock",
        "Cockburn_Recruit",
        "DickensFanClub",
        "KniggeConsulting",
        # places, things, a bird, a degree, a farm hand's jobs
        "Scunthorpe_Jobs",
        "SCUNTHORPE_JOBS",
        "MATSUSHITA_HR",
        "EssexCareJobs",
        "middlesexjobs",
        "CockpitCareers",
        "Matsushita_HR",
        "ShitakeKitchen",
        "shitakefarm",
        "MushroomShitakeGrowers",
        # the Yoruba surname, in any case; a barn dance
        "Shittu_Hires",
        "OlaShittuCareers",
        "shittuhires",
        "SHITTU_HIRES",
        "HoeDown_Nights",
        "Shitara_Design",
        "aishite_ru",
        "BlueTits_Birding",
        "SummaCumLaude",
        "FarmHandJobs",
        "PussyCatRescue",
        "GardenHoes",
        "hoedown_events",
        "sniggers_club",
        "apex_staffing",
        "",
    ],
)
def test_a_word_that_only_holds_the_letters_is_no_crude_name(handle: str) -> None:
    assert not names_crudely(handle)


@pytest.mark.parametrize(
    "handle",
    [
        # our own handles: a crude word a word part joins into a title, or spelled with an x
        "@the_hoeology",
        "@ThotQueen_Reads",
        "@SlutSquad77",
        "@BitchNation_HR",
        "@Cxnt_Laughs",
        "@cxntgossip",
        "@FxckMondays",
        "@ShxtPostDaily",
        "@BxtchPlease_",
        "@WhxreHouse99",
        "@CXNT_club",
        "@Whore_Rumours",
        "@SkankPosse",
        "@skank_diaries",
    ],
)
def test_a_crude_word_joined_to_a_word_part_or_spelled_with_an_x_is_crude(handle: str) -> None:
    assert names_crudely(handle)


@pytest.mark.parametrize(
    "handle",
    [
        # surnames and words that start with the same letters, or hold the x spelling inside
        "@HoekstraHR",
        "@JoeyHoey",
        "@Hoeven_Staffing",
        "@HoefferLaw",
        "@ThothBooks",
        "@Thotakura_IT",
        "@Slutsky_Dental",
        "@WhortonCareers",
        "@WashXtreme",
        "@FishXtra_Deli",
        "@CashXtract",
        "@KnoxTalent",
        "@Shoemaker_Jobs",
        "@BoxTech_Hires",
        "@Hoeg_Nursing",
        # an acronym brand whose trade word starts with the letter after its capitals
        "@SLXTech",
        "@CXNTalent",
        "@SHXTools_Supply",
    ],
)
def test_a_name_that_shares_the_letters_of_a_joined_or_x_spelling_is_not(handle: str) -> None:
    assert not names_crudely(handle)
