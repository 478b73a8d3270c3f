package org.carereviews.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.carereviews.casebook.ClientGroup;
import org.carereviews.casebook.FundingFlag;
import org.carereviews.casebook.ServiceType;
import org.carereviews.common.Money;

/**
 * A synthetic council, generated deterministically from a seed: the same seed and date always give
 * the same people and packages. Names are obviously synthetic ("Demo" surnames).
 */
final class DemoDataGenerator {

  public static final List<String> TEAM_CODES = List.of("NORTH", "SOUTH");

  public record CohortSeed(String code, String name) {}

  public static final List<CohortSeed> COHORTS =
      List.of(
          new CohortSeed("DAY-CENTRE-CLOSURE", "Day centre closure cohort"),
          new CohortSeed("LD-SUPPORTED-LIVING", "Learning disability supported living review"),
          new CohortSeed("OP-HOME-CARE", "Older people home care review programme"));

  public record PackageSeed(
      ServiceType serviceType,
      String provider,
      Money weeklyGrossCost,
      Money assessedContribution,
      BigDecimal nhsSharePercent,
      LocalDate startDate,
      LocalDate nextReviewDue) {}

  public record PersonSeed(
      String displayName,
      LocalDate dateOfBirth,
      ClientGroup clientGroup,
      String teamCode,
      Set<String> cohortCodes,
      Set<FundingFlag> fundingFlags,
      List<PackageSeed> packages) {}

  private static final String[] GIVEN_NAMES = {
    "Ada", "Alan", "Amira", "Bea", "Bilal", "Cara", "Colin", "Dev", "Dora", "Eli", "Edna", "Farah",
    "Fred", "Gita", "Glen", "Hana", "Hugh", "Ines", "Ivan", "Jade", "Joe", "Kai", "Kath", "Leon",
    "Lily", "Mo", "Mabel", "Nia", "Nigel", "Olu", "Orla", "Priya", "Pete", "Quinn", "Rosa", "Ravi",
    "Sian", "Stan", "Tess", "Tom", "Uma", "Vic", "Wyn", "Yusuf", "Zara"
  };

  private static final String[] SYNTHETIC_SURNAMES = {
    "Demo-Ashby",
    "Demo-Birch",
    "Demo-Croft",
    "Demo-Dale",
    "Demo-Elms",
    "Demo-Fenn",
    "Demo-Gill",
    "Demo-Holt",
    "Demo-Ivy",
    "Demo-Jory",
    "Demo-Kemp",
    "Demo-Lark",
    "Demo-Moss",
    "Demo-Nash",
    "Demo-Oakes",
    "Demo-Pike",
    "Demo-Quill",
    "Demo-Reed",
    "Demo-Shaw",
    "Demo-Thorn"
  };

  private static final String[] PROVIDERS = {
    "Example Care Ltd",
    "Sample Homecare Services",
    "Fictional Living Trust",
    "Placeholder Nursing Homes",
    "Demo Day Opportunities",
    "Test Shared Lives Scheme",
    "Mock Transport CIC",
    "Synthetic Supported Living"
  };

  private final Random random;
  private final LocalDate today;

  public DemoDataGenerator(long seed, LocalDate today) {
    this.random = new Random(seed);
    this.today = today;
  }

  public List<PersonSeed> people(int count) {
    List<PersonSeed> people = new ArrayList<>(count);
    ClientGroup[] groups = ClientGroup.values();
    for (int i = 0; i < count; i++) {
      ClientGroup group = i < groups.length ? groups[i] : pickClientGroup();
      people.add(person(i, group));
    }
    return people;
  }

  private PersonSeed person(int index, ClientGroup group) {
    String name =
        GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)]
            + " "
            + SYNTHETIC_SURNAMES[random.nextInt(SYNTHETIC_SURNAMES.length)];
    int age =
        switch (group) {
          case OLDER_PEOPLE -> 65 + random.nextInt(35);
          case LEARNING_DISABILITY, AUTISM -> 18 + random.nextInt(50);
          default -> 18 + random.nextInt(47);
        };
    LocalDate dateOfBirth = today.minusYears(age).minusDays(random.nextInt(365));
    String team = TEAM_CODES.get(index % TEAM_CODES.size());
    Set<FundingFlag> flags = EnumSet.noneOf(FundingFlag.class);
    if (group == ClientGroup.MENTAL_HEALTH && random.nextInt(4) == 0) {
      flags.add(FundingFlag.S117_AFTERCARE);
    }
    if (random.nextInt(25) == 0) {
      flags.add(FundingFlag.JOINT_FUNDED);
    }
    if (random.nextInt(60) == 0) {
      flags.add(FundingFlag.NHS_CONTINUING_HEALTHCARE);
    }
    List<PackageSeed> packages = new ArrayList<>();
    ServiceType main = pickMainService(group, index);
    packages.add(packageOf(main, flags));
    if (random.nextInt(3) == 0) {
      ServiceType extra =
          main == ServiceType.DAY_SERVICES
              ? ServiceType.TRANSPORT
              : pickOf(ServiceType.DAY_SERVICES, ServiceType.RESPITE, ServiceType.TRANSPORT);
      packages.add(packageOf(extra, flags));
    }
    Set<String> cohorts = new java.util.TreeSet<>();
    if (packages.stream().anyMatch(p -> p.serviceType() == ServiceType.DAY_SERVICES)
        && random.nextInt(2) == 0) {
      cohorts.add("DAY-CENTRE-CLOSURE");
    }
    if (group == ClientGroup.LEARNING_DISABILITY && main == ServiceType.SUPPORTED_LIVING) {
      cohorts.add("LD-SUPPORTED-LIVING");
    }
    if (group == ClientGroup.OLDER_PEOPLE
        && main == ServiceType.HOME_CARE
        && random.nextInt(2) == 0) {
      cohorts.add("OP-HOME-CARE");
    }
    return new PersonSeed(name, dateOfBirth, group, team, cohorts, flags, packages);
  }

  private ClientGroup pickClientGroup() {
    int roll = random.nextInt(100);
    if (roll < 45) {
      return ClientGroup.OLDER_PEOPLE;
    }
    if (roll < 65) {
      return ClientGroup.LEARNING_DISABILITY;
    }
    if (roll < 80) {
      return ClientGroup.PHYSICAL_DISABILITY_SENSORY_IMPAIRMENT;
    }
    if (roll < 93) {
      return ClientGroup.MENTAL_HEALTH;
    }
    return ClientGroup.AUTISM;
  }

  private ServiceType pickMainService(ClientGroup group, int index) {
    ServiceType[] all = ServiceType.values();
    if (index < all.length * 2) {
      return all[index % all.length]; // every service type appears, early and deterministically
    }
    return switch (group) {
      case OLDER_PEOPLE ->
          pickOf(
              ServiceType.HOME_CARE,
              ServiceType.HOME_CARE,
              ServiceType.HOME_CARE,
              ServiceType.RESIDENTIAL,
              ServiceType.RESIDENTIAL,
              ServiceType.NURSING,
              ServiceType.EXTRA_CARE,
              ServiceType.DIRECT_PAYMENT);
      case LEARNING_DISABILITY, AUTISM ->
          pickOf(
              ServiceType.SUPPORTED_LIVING,
              ServiceType.SUPPORTED_LIVING,
              ServiceType.DAY_SERVICES,
              ServiceType.SHARED_LIVES,
              ServiceType.DIRECT_PAYMENT,
              ServiceType.RESIDENTIAL);
      case MENTAL_HEALTH ->
          pickOf(
              ServiceType.SUPPORTED_LIVING,
              ServiceType.HOME_CARE,
              ServiceType.RESIDENTIAL,
              ServiceType.DIRECT_PAYMENT);
      case PHYSICAL_DISABILITY_SENSORY_IMPAIRMENT ->
          pickOf(
              ServiceType.HOME_CARE,
              ServiceType.HOME_CARE,
              ServiceType.DIRECT_PAYMENT,
              ServiceType.NURSING,
              ServiceType.RESPITE);
    };
  }

  private PackageSeed packageOf(ServiceType type, Set<FundingFlag> flags) {
    Money gross = weeklyCost(type);
    Money contribution =
        switch (type) {
          case RESIDENTIAL, NURSING -> pounds(120 + random.nextInt(180));
          case HOME_CARE, EXTRA_CARE, DAY_SERVICES -> pounds(random.nextInt(60));
          default -> Money.ZERO;
        };
    BigDecimal nhsShare = BigDecimal.ZERO;
    if (flags.contains(FundingFlag.NHS_CONTINUING_HEALTHCARE)) {
      nhsShare = BigDecimal.valueOf(100);
      contribution = Money.ZERO;
    } else if (flags.contains(FundingFlag.JOINT_FUNDED)
        || flags.contains(FundingFlag.S117_AFTERCARE)) {
      nhsShare = BigDecimal.valueOf(50);
      contribution = flags.contains(FundingFlag.S117_AFTERCARE) ? Money.ZERO : contribution;
    }
    LocalDate start = today.minusDays(30 + random.nextInt(365 * 4));
    // Review due dates from 4 months overdue to 11 months ahead, so some of the backlog is overdue.
    LocalDate nextReview = today.plusDays(-120 + random.nextInt(450));
    if (nextReview.isBefore(start)) {
      nextReview = start.plusWeeks(8);
    }
    String provider = PROVIDERS[random.nextInt(PROVIDERS.length)];
    return new PackageSeed(type, provider, gross, contribution, nhsShare, start, nextReview);
  }

  private Money weeklyCost(ServiceType type) {
    return switch (type) {
      case HOME_CARE -> between(150, 600);
      case RESIDENTIAL -> between(700, 1200);
      case NURSING -> between(900, 1600);
      case SUPPORTED_LIVING -> between(900, 2800);
      case DAY_SERVICES -> between(60, 300);
      case DIRECT_PAYMENT -> between(100, 700);
      case SHARED_LIVES -> between(350, 650);
      case RESPITE -> between(80, 400);
      case EXTRA_CARE -> between(200, 500);
      case TRANSPORT -> between(20, 120);
    };
  }

  private Money between(int minPounds, int maxPounds) {
    long pence = minPounds * 100L + (long) random.nextInt((maxPounds - minPounds) * 100 + 1);
    return Money.of(BigDecimal.valueOf(pence, 2));
  }

  private static Money pounds(int pounds) {
    return Money.ofPounds(pounds);
  }

  private ServiceType pickOf(ServiceType... options) {
    return options[random.nextInt(options.length)];
  }
}
