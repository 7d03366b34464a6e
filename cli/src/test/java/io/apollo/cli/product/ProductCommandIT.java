package io.apollo.cli.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.apollo.cli.CliRun;
import io.apollo.cli.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code apollo product create|list|get} against a real clone of a bare origin made from sample-repo. */
class ProductCommandIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path temp;

  GitFixture repo;

  @BeforeEach
  void makeRepo() {
    repo = GitFixture.ofSampleRepo(temp);
  }

  @Test
  void createCommitsOneProductFileAndPushesIt() {
    CliRun run = CliRun.of("product", "create", "--group", "com.example", "--name", "search-service",
        "--display-name", "Search", "--criticality", "high", "--repo", repo.work().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Committed ").contains("on main: Add product com.example:search-service")
        .contains("Pushed to origin/main.");
    assertThat(repo.originLog("main", "%an <%ae>|%s")).isEqualTo(GitFixture.USER_NAME + " <"
        + GitFixture.USER_EMAIL + ">|Add product com.example:search-service");
    assertThat(repo.originFilesChanged("main")).containsExactly("products/search-service.yaml");
    assertThat(repo.originFile("main", "products/search-service.yaml"))
        .contains("kind: Product").contains("name: com.example:search-service").contains("displayName: Search")
        .contains("criticality: high");
    assertThat(repo.work().resolve("products/search-service.yaml")).exists();
    assertThat(GitFixture.git(repo.work(), "status", "--porcelain")).isEmpty();
  }

  @Test
  void listAndGetReadTheCommittedProducts() throws Exception {
    CliRun list = CliRun.of("product", "list", "--repo", repo.work().toString());
    assertThat(list.exitCode()).isZero();
    assertThat(list.out().lines().findFirst().orElseThrow()).startsWith("PRODUCT").contains("CRITICALITY");
    assertThat(list.out()).contains("com.example:catalog-service").contains("critical");

    CliRun get = CliRun.of("product", "get", "com.example:catalog-service", "--repo", repo.work().toString(),
        "--output", "json");
    assertThat(get.exitCode()).as(get.err()).isZero();
    JsonNode product = JSON.readTree(get.out());
    assertThat(product.path("criticality").asString()).isEqualTo("critical");
    assertThat(product.path("releases").toString()).contains("2.1.0");
    assertThat(product.path("entities").toString()).contains("production/catalog-service");
  }

  @Test
  void refusesAProductThatExistsAndAnUnknownOne() {
    String before = repo.originHead();
    CliRun again = CliRun.of("product", "create", "--group", "com.example", "--name", "catalog-service",
        "--repo", repo.work().toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already exists").contains("products/catalog-service.yaml");

    CliRun unknown = CliRun.of("product", "get", "com.example:nope", "--repo", repo.work().toString());
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("no product com.example:nope").contains("apollo product create");

    CliRun badLevel = CliRun.of("product", "create", "--group", "com.example", "--name", "x",
        "--criticality", "urgent", "--repo", repo.work().toString());
    assertThat(badLevel.exitCode()).isEqualTo(2);
    assertThat(badLevel.err()).contains("low, medium, high, critical");
    assertThat(repo.originHead()).isEqualTo(before);
  }

  @Test
  void refusesWhenTheFileToWriteHasLocalChanges() throws Exception {
    GitFixture.write(repo.work().resolve("products/search-service.yaml"), "# started by hand\n");
    CliRun run = CliRun.of("product", "create", "--group", "com.example", "--name", "search-service",
        "--repo", repo.work().toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("local changes in products/search-service.yaml").contains("git stash");
    assertThat(Files.readString(repo.work().resolve("products/search-service.yaml"))).isEqualTo("# started by hand\n");
  }

  @Test
  void pullRequestPushesANewBranchAndLeavesMainAlone() {
    String before = repo.originHead();
    CliRun run = CliRun.of("product", "create", "--group", "com.example", "--name", "search-service",
        "--pull-request", "--repo", repo.work().toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("on branch apollo/add-product-search-service")
        .contains("git merge --no-ff origin/apollo/add-product-search-service");
    assertThat(repo.originHead()).isEqualTo(before);
    assertThat(repo.originFilesChanged("apollo/add-product-search-service"))
        .containsExactly("products/search-service.yaml");
    assertThat(repo.work().resolve("products/search-service.yaml")).doesNotExist();
  }

  @Test
  void aUrlIsClonedIntoTheCacheThenFetchedAndTheChangePushed() {
    String home = System.getProperty("user.home");
    System.setProperty("user.home", temp.resolve("home").toString());
    try {
      String url = "file://" + repo.origin();
      CliRun list = CliRun.of("product", "list", "--repo", url, "--output", "json");
      assertThat(list.exitCode()).as(list.err()).isZero();
      assertThat(list.out()).contains("com.example:auth-service");
      // Under home unless XDG_CACHE_HOME moves it, as Settings says.
      assertThat(io.apollo.cli.settings.Settings.load().cacheDir()).isNotEmptyDirectory();

      CliRun create = CliRun.of("product", "create", "--group", "com.example", "--name", "search-service",
          "--repo", url);
      assertThat(create.exitCode()).as(create.err()).isZero();
      assertThat(repo.originFilesChanged("main")).containsExactly("products/search-service.yaml");

      CliRun again = CliRun.of("product", "get", "com.example:search-service", "--repo", url);
      assertThat(again.exitCode()).as(again.err()).isZero();
    } finally {
      System.setProperty("user.home", home);
    }
  }
}
